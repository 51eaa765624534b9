/**
 * Live pages: comments loaded by script, infinite scroll, single-page navigation. A MutationObserver
 * collects the blocks that changed (coalesced: a block changed ten times is read once) and one work
 * loop re-detects only those, never the whole page, at the pace the page changes:
 * - each pass takes every block dirty at that moment, newest and on-screen first, drops those that
 *   left the page, and reads them in one batched, sliced pass (annotator.ts), so a feed growing by a
 *   hundred paragraphs a second costs a message or two a pass, not one per paragraph, and no queue
 *   of passes builds up behind a slow one;
 * - the first change after a quiet time waits DEBOUNCE_MS (a burst of mutations is one pass), never
 *   more than MAX_WAIT_MS for a page that mutates continuously; while a pass runs, changes gather
 *   for the next one.
 * Our own UI host coming and going (a card opened or closed) is not a change to the page.
 * Cost per mutation record: one ancestor walk to the nearest block element. Per pass: one lookup per
 * dirty block root in the mentions' index (mentions.ts), one bounding box per dirty root when there
 * are at most VISIBLE_CHECK_LIMIT of them.
 */
import { blockRootOf, isInsideSkipped, type DomNode } from '../core/extract';
import type { Annotator } from './annotator';
import type { PageMentions } from './mentions';
import { traceSpan, traceStart } from '../shared/trace';

const DEBOUNCE_MS = 250;
const MAX_WAIT_MS = 1000;
/** Above this many dirty roots in a pass, ordering is by recency alone (no layout reads). */
const VISIBLE_CHECK_LIMIT = 400;

/** What LiveUpdates needs of a timer (a fake in tests). */
export interface LiveTimers {
  now(): number;
  setTimeout(run: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

const windowTimers: LiveTimers = {
  now: () => performance.now(),
  setTimeout: (run, ms) => window.setTimeout(run, ms),
  clearTimeout: (id) => window.clearTimeout(id),
};

export class LiveUpdates {
  private observer: MutationObserver | undefined;
  /** Block roots to read again, in the order they last changed (a Set keeps insertion order). */
  private readonly dirty = new Set<Node>();
  private timer = 0;
  private firstDirtyAt = 0;
  private working = false;
  private signal: AbortSignal | undefined;
  /** Passes run so far (tests and the bench read it: a card closing must not add one). */
  passes = 0;
  private idle: Promise<void> = Promise.resolve();

  constructor(
    private readonly mentions: PageMentions,
    private readonly annotator: Annotator,
    private readonly isOurs: (node: Node) => boolean,
    private readonly timers: LiveTimers = windowTimers,
  ) {}

  /** Observes until stop() or until `session` aborts. */
  start(session: AbortSignal): void {
    if (this.observer || session.aborted) return;
    this.signal = session;
    session.addEventListener('abort', () => this.stop(), { once: true });
    this.observer = new MutationObserver((records) => this.collect(records));
    this.observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.timers.clearTimeout(this.timer);
    this.timer = 0;
    this.dirty.clear();
  }

  /** Resolves when no pass is running or waiting (tests). */
  settled(): Promise<void> {
    return this.idle;
  }

  /** Takes mutation records (the observer's callback; public for tests). */
  collect(records: readonly MutationRecord[]): void {
    const started = traceStart();
    for (const r of records) {
      if (r.type === 'childList' && this.onlyOurs(r)) continue;
      if (this.isOurs(r.target)) continue;
      const targets: Node[] = r.type === 'characterData' ? [r.target] : [...r.addedNodes];
      if (r.type === 'childList' && r.removedNodes.length > 0) targets.push(r.target);
      for (const node of targets) {
        if (this.isOurs(node) || !node.isConnected) continue;
        if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.TEXT_NODE) continue;
        if (isInsideSkipped(node as unknown as DomNode)) continue;
        const root = blockRootOf(node as unknown as DomNode) as unknown as Node;
        // Re-inserting moves the root to the end: the most recently changed block is read first.
        this.dirty.delete(root);
        this.dirty.add(root);
      }
    }
    if (this.dirty.size > 0) this.schedule();
    traceSpan(`mutations ${records.length}`, started);
  }

  /** A record whose added and removed nodes are all ours: our UI host arriving or leaving. */
  private onlyOurs(r: MutationRecord): boolean {
    for (const n of r.addedNodes) if (!this.isOurs(n)) return false;
    for (const n of r.removedNodes) if (!this.isOurs(n)) return false;
    return true;
  }

  private schedule(): void {
    // A pass is running: it takes these changes when it ends, without waiting again.
    if (this.working) return;
    const now = this.timers.now();
    if (!this.timer) this.firstDirtyAt = now;
    else this.timers.clearTimeout(this.timer);
    // Debounced, but never postponed past MAX_WAIT_MS by a page that mutates continuously.
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, this.firstDirtyAt + MAX_WAIT_MS - now));
    this.timer = this.timers.setTimeout(() => {
      this.timer = 0;
      this.idle = this.work();
    }, wait);
  }

  /** Runs passes until nothing is dirty. One loop at a time: passes never queue up behind each other. */
  private async work(): Promise<void> {
    this.working = true;
    try {
      while (this.dirty.size > 0 && !this.signal?.aborted) {
        const roots = this.take();
        this.passes++;
        this.mentions.removeDetached();
        if (roots.length === 0) continue;
        this.mentions.removeWithin(roots);
        await this.annotator.annotate(roots);
      }
    } catch (err) {
      console.warn('[Dramatis]', err instanceof Error ? err.message : err);
    } finally {
      this.working = false;
    }
  }

  /**
   * The dirty roots still on the page, outermost only (an inner root's text is read with its outer
   * one), newest first and those on screen before the rest; clears the dirty set.
   */
  private take(): Node[] {
    const connected = [...this.dirty].filter((n) => n.isConnected).reverse();
    this.dirty.clear();
    const set = new Set(connected);
    const outer = connected.filter((n) => {
      for (let p = n.parentNode; p; p = p.parentNode) if (set.has(p)) return false;
      return true;
    });
    if (outer.length > VISIBLE_CHECK_LIMIT || typeof window === 'undefined') return outer;
    const height = window.innerHeight;
    const onScreen = (n: Node) => {
      if (!(n instanceof Element)) return false;
      const r = n.getBoundingClientRect();
      return r.bottom >= 0 && r.top <= height;
    };
    const visible = outer.filter(onScreen);
    if (visible.length === 0 || visible.length === outer.length) return outer;
    const shown = new Set(visible);
    return [...visible, ...outer.filter((n) => !shown.has(n))];
  }
}
