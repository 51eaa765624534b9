/**
 * Highlights that leave the page's DOM alone: the CSS Custom Highlight API paints ranges without
 * touching a node. Only where the API is missing do we wrap text in <dramatis-mark> elements.
 * The registry is the document's: the page can enumerate it, so only the bundled dataset's names
 * (public text of the page itself) are painted here; the reader's notes and tracked names are
 * painted in the closed root (mark-layer.ts).
 */
import type { EntityType } from '../core/dataset/types';
import { highlightRegistry, newHighlight, supportsHighlightApi } from './highlight-api';

/**
 * The highlight a range is painted with (registered as `dramatis-<name>`, styled in content.css):
 * a type, 'ambiguous' or 'note', or a mark-style variant of a type ('quiet', 'dotted-person',
 * 'link-person'; see markName in mentions.ts).
 */
export type HighlightKind = EntityType | 'ambiguous' | 'note' | `${'quiet' | 'dotted' | 'link'}${string}`;

/**
 * Each change to a registered Highlight makes the browser re-walk the page before the next paint
 * (about 60 ms on a 2 MB page), so on big pages additions are queued and flushed at most every
 * FLUSH_MS. On ordinary pages the walk is cheap and additions go out at once.
 */
const FLUSH_MS = 300;

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
const SLICE_MS = 8;

export class Highlighter {
  private readonly sets = new Map<HighlightKind, Set<Range>>();
  private pending: [HighlightKind, Range][] = [];
  /** Queued additions removed before their flush: skipped by it (no synchronous flush of the queue). */
  private readonly cancelled = new Set<[HighlightKind, Range]>();
  private readonly queued = new Map<Range, [HighlightKind, Range]>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private lastFlush = -Infinity;
  private readonly wrapped = new Map<Range, HTMLElement[]>();
  private shown = false;
  private readonly api = supportsHighlightApi();

  add(kind: HighlightKind, range: Range): void {
    if (!this.api) return this.addNow(kind, range);
    const entry: [HighlightKind, Range] = [kind, range];
    this.pending.push(entry);
    this.queued.set(range, entry);
    if (this.flushTimer !== undefined) return;
    const wait = this.bigPage ? Math.max(0, this.lastFlush + FLUSH_MS - performance.now()) : 0;
    this.flushTimer = setTimeout(() => this.flush(), wait);
  }

  /**
   * Applies queued additions, at most SLICE_MS of them per task (adding a range to a registered
   * Highlight costs tens of microseconds); the rest go in the next task. With `all`, everything now
   * (tests, and callers that must see the registry complete). A removal cancels its queued addition.
   */
  flush(all = false): void {
    if (this.flushTimer !== undefined) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.lastFlush = performance.now();
    const deadline = all ? Infinity : this.lastFlush + SLICE_MS;
    let i = 0;
    while (i < this.pending.length && performance.now() < deadline) {
      for (const end = Math.min(this.pending.length, i + 50); i < end; i++) {
        const entry = this.pending[i]!;
        if (this.cancelled.delete(entry)) continue;
        if (this.queued.get(entry[1]) === entry) this.queued.delete(entry[1]);
        this.addNow(entry[0], entry[1]);
      }
    }
    this.pending = this.pending.slice(i);
    if (this.pending.length > 0) this.flushTimer = setTimeout(() => this.flush(), 0);
  }

  /** Set for very large pages (see the content script's entry): additions are throttled. */
  bigPage = false;

  private addNow(kind: HighlightKind, range: Range): void {
    let set = this.sets.get(kind);
    if (!set) {
      set = this.api ? newHighlight() : new Set<Range>();
      this.sets.set(kind, set);
      if (this.shown && this.api) register(kind, set);
    }
    set.add(range);
    if (this.shown && !this.api) this.wrap(kind, range);
  }

  remove(kind: HighlightKind, range: Range): void {
    const entry = this.queued.get(range);
    if (entry) {
      this.queued.delete(range);
      this.cancelled.add(entry);
    }
    this.sets.get(kind)?.delete(range);
    this.unwrap(range);
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

  /** Hides everything and forgets it, queued additions included (the session stopped). */
  clear(): void {
    this.hide();
    if (this.flushTimer !== undefined) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.pending = [];
    this.cancelled.clear();
    this.queued.clear();
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
