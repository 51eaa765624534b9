/**
 * Highlights that leave the page's DOM alone: the CSS Custom Highlight API paints ranges without
 * touching a node. Only where the API is missing do we wrap text in <dramatis-mark> elements.
 * The registry is the document's: the page can enumerate it, so only the bundled dataset's names
 * (public text of the page itself) are painted here; the reader's notes and tracked names are
 * painted in the closed root (mark-layer.ts).
 */
import type { EntityType } from '../core/dataset/types';
import { highlightRegistry, newHighlight, supportsHighlightApi } from './highlight-api';
import { traceSpan } from '../shared/trace';

/**
 * The highlight a range is painted with (registered as `dramatis-<name>`, styled in content.css):
 * a type, 'ambiguous' or 'note', or a mark-style variant of a type ('quiet', 'dotted-person',
 * 'link-person'; see markName in mentions.ts).
 */
export type HighlightKind = EntityType | 'ambiguous' | 'note' | `${'quiet' | 'dotted' | 'link'}${string}`;

/**
 * Each change to a registered Highlight makes the browser revalidate the registry and invalidate
 * paint before its next frame, work that grows with the document (tens to hundreds of ms on a 2 MB
 * page, whatever the number of ranges changed). So additions and removals are queued and applied
 * together once per animation frame: however many names a detection batch or a scroll brings, the
 * browser pays that walk once per frame, never once per mark. Pages over 8,000 elements without
 * IntersectionObserver (`bigPage`) apply at most every FLUSH_MS.
 */
const FLUSH_MS = 300;
/**
 * A hidden tab gets no animation frames: its queue is applied by a timer instead, so the registry
 * (and what a test or the page's own highlightsFromPoint reads) is never stale for long.
 */
const HIDDEN_FLUSH_MS = 500;
/** Changes applied between two looks at the clock (each is one Set add or delete). */
const OPS_PER_CHECK = 64;

/**
 * The registry name of a kind's highlight (styled in content.css). A page's own highlight is never
 * replaced: the names are ones a page is unlikely to pick, and an entry we did not create is left
 * alone (our marks of that kind are then not shown on that page).
 */
export const highlightName = (kind: HighlightKind): string => `dramatis-ext-${kind}`;

/** Registers our highlight under its name unless the page holds that name. */
function register(kind: HighlightKind, set: Set<Range>): void {
  const registry = highlightRegistry()!;
  const name = highlightName(kind);
  const there = registry.get(name);
  if (there === undefined) registry.set(name, set);
}

/** Removes our highlight, never a page's own of the same name. */
function unregister(kind: HighlightKind, set: Set<Range> | undefined): void {
  const registry = highlightRegistry()!;
  const name = highlightName(kind);
  if (set && registry.get(name) === set) registry.delete(name);
}
/** Our script's share of a frame for applying the queue; the rest waits for the next frame. */
const SLICE_MS = 8;

export class Highlighter {
  private readonly sets = new Map<HighlightKind, Set<Range>>();
  /**
   * Changes for the next frame, per kind: range -> whether it is to be in that kind's highlight.
   * The last word wins, so a range painted and unpainted within a frame (a block scrolled past, a
   * mark re-selected under another kind) costs no change at all.
   */
  private pending = new Map<HighlightKind, Map<Range, boolean>>();
  private pendingCount = 0;
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastFlush = -Infinity;
  private readonly wrapped = new Map<Range, HTMLElement[]>();
  private shown = false;
  private readonly api = supportsHighlightApi();
  /** Frames in which the registry was changed (tests and the bench: one per frame, not one per mark). */
  changes = 0;

  /** Set for very large pages without IntersectionObserver: the queue is applied at most every FLUSH_MS. */
  bigPage = false;

  add(kind: HighlightKind, range: Range): void {
    if (!this.api) {
      this.addNow(kind, range);
      return;
    }
    this.queue(kind, range, true);
  }

  remove(kind: HighlightKind, range: Range): void {
    if (!this.api) {
      this.sets.get(kind)?.delete(range);
      return this.unwrap(range);
    }
    this.queue(kind, range, false);
  }

  private queue(kind: HighlightKind, range: Range, on: boolean): void {
    let forKind = this.pending.get(kind);
    if (!forKind) this.pending.set(kind, (forKind = new Map()));
    if (!forKind.has(range)) this.pendingCount++;
    forKind.set(range, on);
    this.schedule();
  }

  /** Whether changes wait for the next frame (tests). */
  get queued(): number {
    return this.pendingCount;
  }

  private schedule(): void {
    if (this.frame || this.timer !== undefined || this.pendingCount === 0) return;
    const wait = this.bigPage ? Math.max(0, this.lastFlush + FLUSH_MS - performance.now()) : 0;
    const run = () => this.flush();
    if (wait > 0 || typeof requestAnimationFrame !== 'function') {
      this.timer = setTimeout(run, wait);
      return;
    }
    this.frame = requestAnimationFrame(run);
    this.timer = setTimeout(run, HIDDEN_FLUSH_MS);
  }

  /**
   * Applies the queued changes in one go, before the frame is drawn (the browser then revalidates
   * once), at most SLICE_MS of them unless `all` (tests, and callers that must see the registry
   * complete); what is left goes in the next frame. Cost: one Set add or delete per queued change.
   */
  flush(all = false): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.frame = 0;
    this.timer = undefined;
    this.lastFlush = performance.now();
    if (this.pendingCount === 0) return;
    const deadline = all ? Infinity : this.lastFlush + SLICE_MS;
    let changed = false;
    let ops = 0;
    outer: for (const [kind, forKind] of this.pending) {
      for (const [range, on] of forKind) {
        if (++ops % OPS_PER_CHECK === 0 && performance.now() > deadline) break outer;
        forKind.delete(range);
        this.pendingCount--;
        if (on) changed = this.addNow(kind, range) || changed;
        else changed = this.deleteNow(kind, range) || changed;
      }
      this.pending.delete(kind);
    }
    if (changed && this.shown) this.changes++;
    traceSpan('flush', this.lastFlush);
    this.schedule();
  }

  /** Adds a range to its kind's highlight; whether the highlight changed. */
  private addNow(kind: HighlightKind, range: Range): boolean {
    let set = this.sets.get(kind);
    if (!set) {
      set = this.api ? newHighlight() : new Set<Range>();
      this.sets.set(kind, set);
      if (this.shown && this.api) register(kind, set);
    }
    if (set.has(range)) return false;
    set.add(range);
    if (this.shown && !this.api) this.wrap(kind, range);
    return true;
  }

  private deleteNow(kind: HighlightKind, range: Range): boolean {
    return this.sets.get(kind)?.delete(range) ?? false;
  }

  show(): void {
    this.shown = true;
    for (const [kind, set] of this.sets) {
      if (this.api) register(kind, set);
      else for (const r of set) this.wrap(kind, r);
    }
  }

  hide(): void {
    this.shown = false;
    for (const [kind, set] of this.sets) {
      if (this.api) unregister(kind, set);
    }
    for (const r of [...this.wrapped.keys()]) this.unwrap(r);
  }

  /** Hides everything and forgets it, queued changes included (the session stopped). */
  clear(): void {
    this.hide();
    if (this.frame) cancelAnimationFrame(this.frame);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.frame = 0;
    this.timer = undefined;
    this.pending.clear();
    this.pendingCount = 0;
    this.sets.clear();
  }

  get visible(): boolean {
    return this.shown;
  }

  /** Fallback only: wraps each text node part of the range; this does change the DOM. */
  private wrap(kind: HighlightKind, range: Range): void {
    if (this.wrapped.has(range)) return;
    const marks: HTMLElement[] = [];
    const node = range.startContainer;
    if (node === range.endContainer && node.nodeType === Node.TEXT_NODE) {
      const mark = document.createElement('dramatis-mark');
      mark.dataset.kind = kind;
      range.surroundContents(mark);
      marks.push(mark);
    }
    this.wrapped.set(range, marks);
  }

  private unwrap(range: Range): void {
    for (const mark of this.wrapped.get(range) ?? []) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
      parent.normalize();
    }
    this.wrapped.delete(range);
  }
}
