/**
 * Turns page text into highlights, a few milliseconds at a time: blocks are read from the DOM in
 * slices of SLICE_MS (slicer.ts), sent to the background in batches of BATCH_CHARS, and their mentions painted
 * in slices too, yielding to the page between slices so no task of ours runs long (target < 50 ms).
 */
import { locate, walkBlocks, type DomNode } from '../core/extract';
import type { Mention } from '../core/match/mention';
import type { DetectResult } from '../core/protocol/messages';
import { sendPatiently } from '../shared/messaging';
import type { PageBlock } from './block-range';
import type { PageMentions } from './mentions';
import { Slicer } from './slicer';
import { traceContent, traceSpan, traceStart } from '../shared/trace';

/** How long a batch keeps asking a worker that does not answer. */
const DETECT_DEADLINE_MS = 10_000;
const BATCH_CHARS = 128 * 1024;
/**
 * A block longer than this (one 5 MB text node, a book in one <p>) is detected in slices of
 * HUGE_SLICE_CHARS, one after another: its first names come after one small detection, no message
 * carries more than a slice, and no answer brings tens of thousands of mentions to decode in one
 * task of the page (Firefox spent seconds there, and did not finish a 5 MB block within 45 s).
 * Small, because a reader who jumps into text not yet read waits for the slice in flight and then
 * for the one under the viewport: with 64 KB slices that took 286 ms (median of 25 jumps into a 5 MB
 * node, Chromium, shapes bench 2026-12-08).
 */
export const HUGE_SLICE_CHARS = 16 * 1024;
/**
 * Slices of a huge block of many text nodes (a paragraph of 7,400 links): in Firefox every change to
 * the registry repaints the whole block, so more slices meant more long frames (links-7400, Firefox:
 * after the first frame 1, 1, 0, 1, 0 with 16 KB slices against 0 without; shapes bench 2026-12-08).
 */
export const HUGE_SLICE_CHARS_MANY_NODES = 64 * 1024;
const MANY_NODES_BLOCK = 64;
/**
 * Text each slice also carries on either side of its own part, so a name crossing a slice's edge
 * is found whole, with its context; mentions are kept only where they start in the slice's own
 * part, so none is found twice. Far longer than any name.
 */
export const SLICE_OVERLAP_CHARS = 1024;
/**
 * The first batch is about a screenful (1280 x 900 at 16 px: some 40 lines of 80 characters), so the
 * first highlights come as early as possible. Its detection is on the critical path of a cold start
 * and costs about in proportion to its names (candidate scoring), with a floor for the cold code:
 * in Node, cold, under load, 2.7 KB took 79-145 ms, 3.3 KB 82-128 ms and 6.2 KB 100-221 ms (5 runs
 * each; docs/PERFORMANCE.md), so 3 KB rather than the 6 KB it was.
 */
const FIRST_BATCH_CHARS = 3 * 1024;
/** Mentions mapped and painted between two checkpoints (each is a binary search and a Range). */
const PAINT_CHUNK = 25;

export class Annotator {
  /** Years the page mentions, sorted, merged from every batch (for the cards' timelines). */
  private yearList: number[] = [];

  /** `signal` is the session's: once it aborts, nothing more is read, sent or painted. */
  constructor(
    private readonly mentions: PageMentions,
    private readonly signal: AbortSignal,
    private readonly newSlicer: () => Slicer = () => new Slicer(),
  ) {}

  get years(): readonly number[] {
    return this.yearList;
  }

  /**
   * Detects and paints every block under the given roots (in that order), in batches shared by all
   * of them: a live pass over a hundred new paragraphs sends one message, not a hundred. Resolves
   * when all of it is painted (or the session stopped).
   */
  async annotate(roots: Node | readonly Node[]): Promise<void> {
    const slicer = this.newSlicer();
    slicer.label = 'walk';
    const pending: Promise<void>[] = [];
    let batch: PageBlock[] = [];
    let size = 0;
    let limit = FIRST_BATCH_CHARS;
    for (const root of Array.isArray(roots) ? (roots as readonly Node[]) : [roots as Node]) {
      if (!root.isConnected) continue;
      const walker = walkBlocks<Text>(root as unknown as DomNode) as Generator<PageBlock>;
      for (let next = walker.next(); !next.done; next = walker.next()) {
        if (this.signal.aborted) return;
        // Page chrome (menus, sidebars, reference lists: core/extract.ts) is not read for names, as in the CLI.
        if (next.value.chrome) {
          await slicer.checkpoint();
          continue;
        }
        if (next.value.text.length > HUGE_SLICE_CHARS) {
          pending.push(this.detectHuge(next.value));
          await slicer.checkpoint();
          continue;
        }
        batch.push(next.value);
        size += next.value.text.length;
        if (size >= limit) {
          limit = BATCH_CHARS;
          pending.push(this.detect(batch));
          batch = [];
          size = 0;
        }
        await slicer.checkpoint();
      }
    }
    if (batch.length > 0) pending.push(this.detect(batch));
    slicer.end();
    await Promise.all(pending);
  }

  private async detect(blocks: PageBlock[]): Promise<void> {
    const result = await this.ask(blocks.map((b) => b.text));
    if (result) await this.paint(blocks, result.mentions, result);
  }

  /**
   * One huge block, slice by slice, each slice asked only once the one before is painted (so the
   * names it linked support the next, as between batches). The next slice is the one under the
   * middle of the viewport, else the nearest not yet asked: in reading order while the reader stays
   * at the top, but a reader who jumps to the middle of a 5 MB book gets its names there next, not
   * after the 40 slices before it (seconds: scripts/bench shapes, "enters view to marks",
   * 2026-12-08). Densities that mark first mentions only keep reading order (see
   * PageMentions.wantsReadingOrder). Cost per slice: one caret hit test (about 0.2 ms in a 5 MB node), one detection
   * of about 66 KB and the painting of its mentions, in the usual slices of the page.
   */
  private async detectHuge(block: PageBlock): Promise<void> {
    const slices = hugeSlices(block.text.length, block.nodes.length > MANY_NODES_BLOCK ? HUGE_SLICE_CHARS_MANY_NODES : HUGE_SLICE_CHARS);
    const left = new Set(slices.keys());
    while (left.size > 0) {
      if (this.signal.aborted) return;
      const index = nextSlice(slices, left, this.mentions.wantsReadingOrder() ? undefined : viewportOffset(block));
      left.delete(index);
      const slice = slices[index]!;
      const result = await this.ask([block.text.slice(slice.from, slice.to)]);
      if (!result) return;
      const mentions = result.mentions.flatMap((m) => {
        const start = m.start + slice.from;
        return start >= slice.ownFrom && start < slice.ownTo ? [{ ...m, block: 0, start, end: m.end + slice.from }] : [];
      });
      await this.paint([block], mentions, result);
    }
  }

  private async ask(texts: string[]): Promise<DetectResult | undefined> {
    const onPage = this.mentions.linkedIds();
    traceContent('detect sent');
    // A worker woken by this very message may drop it while it starts: detection is safe to repeat.
    const sendStart = traceStart();
    const answer = sendPatiently(
      // The URL lets the background apply the reader's corrections for this page, site or everywhere.
      { type: 'detect', blocks: texts, onPage: onPage.length > 0 ? onPage : undefined, url: location.href },
      DETECT_DEADLINE_MS,
    );
    traceSpan(`send ${texts.length}`, sendStart);
    const result: DetectResult = await answer;
    traceContent('detect answered');
    if (this.signal.aborted) return undefined;
    if (result.years.length > 0) this.yearList = [...this.yearList, ...result.years].sort((a, b) => a - b);
    return result;
  }

  private async paint(blocks: PageBlock[], mentions: readonly Mention[], result: DetectResult): Promise<void> {
    // Blocks may have left the page while the background worked (live pages): skip those. Only the
    // text nodes a mention spans are checked (binary search), never every node of its block.
    const slicer = this.newSlicer();
    slicer.label = 'paint';
    const live = mentions.filter((m) => spanConnected(blocks[m.block]!, m.start, m.end));
    for (let i = 0; i < live.length; i += PAINT_CHUNK) {
      if (this.signal.aborted) return;
      this.mentions.add(blocks, live.slice(i, i + PAINT_CHUNK), result.entities);
      traceContent('mentions added');
      await slicer.checkpoint();
    }
    slicer.end();
  }
}

export interface HugeSlice {
  /** The text sent: [from, to). */
  from: number;
  to: number;
  /** The slice's own part: mentions starting here are kept. */
  ownFrom: number;
  ownTo: number;
}

/** The slices of a huge block's text: own parts tile [0, length), each widened by the overlap. */
export function hugeSlices(length: number, size = HUGE_SLICE_CHARS, overlap = SLICE_OVERLAP_CHARS): HugeSlice[] {
  const slices: HugeSlice[] = [];
  for (let ownFrom = 0; ownFrom < length; ownFrom += size) {
    const ownTo = Math.min(length, ownFrom + size);
    slices.push({ from: Math.max(0, ownFrom - overlap), to: Math.min(length, ownTo + overlap), ownFrom, ownTo });
  }
  return slices;
}

/**
 * The slice to ask next: the one whose own part holds `at` (an offset of the block's text), else the
 * nearest to it; with no `at`, the first in reading order. `left`: the indexes not asked yet (not empty).
 */
export function nextSlice(slices: readonly HugeSlice[], left: ReadonlySet<number>, at: number | undefined): number {
  if (at === undefined) return Math.min(...left);
  let best = -1;
  let bestDistance = Infinity;
  for (const i of left) {
    const s = slices[i]!;
    const distance = at < s.ownFrom ? s.ownFrom - at : at >= s.ownTo ? at - s.ownTo + 1 : 0;
    if (distance < bestDistance) [best, bestDistance] = [i, distance];
  }
  return best;
}

/**
 * The offset in the block's text under the middle of the viewport, or undefined when the viewport's
 * middle is not over the block's text. Cost: one caret hit test and a search of the block's nodes
 * (one node for a giant text node).
 */
function viewportOffset(block: PageBlock): number | undefined {
  const doc = document as Document & {
    caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?(x: number, y: number): Range | null;
  };
  const x = window.innerWidth / 2;
  const y = window.innerHeight / 2;
  let node: Node | undefined;
  let offset = 0;
  if (doc.caretPositionFromPoint) {
    const caret = doc.caretPositionFromPoint(x, y);
    if (caret) [node, offset] = [caret.offsetNode, caret.offset];
  } else if (doc.caretRangeFromPoint) {
    const caret = doc.caretRangeFromPoint(x, y);
    if (caret) [node, offset] = [caret.startContainer, caret.startOffset];
  }
  if (!node) return undefined;
  const index = (block.nodes as readonly unknown[]).indexOf(node);
  return index === -1 ? undefined : block.starts[index]! + offset;
}

/** Whether the text nodes holding [start, end) of the block are all still in the document. */
export function spanConnected(block: PageBlock, start: number, end: number): boolean {
  const first = locate(block, start)[0];
  const last = locate(block, Math.max(start, end - 1))[0];
  for (let i = first; i <= last; i++) if (!block.nodes[i]!.isConnected) return false;
  return true;
}
