/**
 * Turns page text into highlights, a few milliseconds at a time: blocks are read from the DOM in
 * slices of SLICE_MS, sent to the background in batches of BATCH_CHARS, and their mentions painted
 * in slices too, yielding to the page between slices so no task of ours runs long (target < 50 ms).
 */
import { walkBlocks, type DomNode } from '../core/extract';
import type { DetectResult } from '../core/protocol/messages';
import { sendPatiently } from '../shared/messaging';
import type { PageBlock } from './block-range';
import type { PageMentions } from './mentions';

const SLICE_MS = 8;
/** How long a batch keeps asking a worker that does not answer. */
const DETECT_DEADLINE_MS = 10_000;
const BATCH_CHARS = 128 * 1024;
/** The first batch is about a screenful, so the first highlights come as early as possible. */
const FIRST_BATCH_CHARS = 6 * 1024;

/** Gives the page's own tasks a turn. scheduler.yield keeps our place in the queue where it exists. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as unknown as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class Annotator {
  /** Years the page mentions, sorted, merged from every batch (for the cards' timelines). */
  private yearList: number[] = [];

  /** `signal` is the session's: once it aborts, nothing more is read, sent or painted. */
  constructor(
    private readonly mentions: PageMentions,
    private readonly signal: AbortSignal,
  ) {}

  get years(): readonly number[] {
    return this.yearList;
  }

  /** Detects and paints every block under root. Resolves when all of it is painted (or the session stopped). */
  async annotate(root: Node): Promise<void> {
    const walker = walkBlocks<Text>(root as unknown as DomNode) as Generator<PageBlock>;
    const pending: Promise<void>[] = [];
    let batch: PageBlock[] = [];
    let size = 0;
    let limit = FIRST_BATCH_CHARS;
    let sliceStart = performance.now();
    for (let next = walker.next(); !next.done; next = walker.next()) {
      if (this.signal.aborted) return;
      batch.push(next.value);
      size += next.value.text.length;
      if (size >= limit) {
        limit = BATCH_CHARS;
        pending.push(this.detect(batch));
        batch = [];
        size = 0;
      }
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        sliceStart = performance.now();
      }
    }
    if (batch.length > 0) pending.push(this.detect(batch));
    await Promise.all(pending);
  }

  private async detect(blocks: PageBlock[]): Promise<void> {
    const onPage = this.mentions.linkedIds();
    // A worker woken by this very message may drop it while it starts: detection is safe to repeat.
    const result: DetectResult = await sendPatiently(
      // The URL lets the background apply the reader's corrections for this page, site or everywhere.
      { type: 'detect', blocks: blocks.map((b) => b.text), onPage: onPage.length > 0 ? onPage : undefined, url: location.href },
      DETECT_DEADLINE_MS,
    );
    if (this.signal.aborted) return;
    if (result.years.length > 0) this.yearList = [...this.yearList, ...result.years].sort((a, b) => a - b);
    // Blocks may have left the page while the background worked (live pages): skip those.
    const live = result.mentions.filter((m) => blocks[m.block]!.nodes.every((n) => n.isConnected));
    let sliceStart = performance.now();
    for (let i = 0; i < live.length; i += 200) {
      if (this.signal.aborted) return;
      this.mentions.add(blocks, live.slice(i, i + 200), result.entities);
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        sliceStart = performance.now();
      }
    }
  }
}
