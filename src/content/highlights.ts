/**
 * Highlights that leave the page's DOM alone: the CSS Custom Highlight API paints ranges without
 * touching a node. Only where the API is missing do we wrap text in <dramatis-mark> elements.
 */
import type { EntityType } from '../core/dataset/types';

export type HighlightKind = EntityType | 'ambiguous';
export const HIGHLIGHT_KINDS: HighlightKind[] = ['person', 'organization', 'place', 'event', 'work', 'ambiguous'];

interface HighlightRegistryLike {
  set(name: string, h: unknown): void;
  delete(name: string): void;
}

const registry = (): HighlightRegistryLike | undefined => (globalThis.CSS as unknown as { highlights?: HighlightRegistryLike })?.highlights;
const HighlightCtor = (): (new (...ranges: Range[]) => Set<Range>) | undefined =>
  (globalThis as unknown as { Highlight?: new (...ranges: Range[]) => Set<Range> }).Highlight;

export const supportsHighlightApi = (): boolean => registry() !== undefined && HighlightCtor() !== undefined;

export class Highlighter {
  private readonly sets = new Map<HighlightKind, Set<Range>>();
  private readonly wrapped = new Map<Range, HTMLElement[]>();
  private shown = false;
  private readonly api = supportsHighlightApi();

  add(kind: HighlightKind, range: Range): void {
    let set = this.sets.get(kind);
    if (!set) {
      set = this.api ? new (HighlightCtor()!)() : new Set<Range>();
      this.sets.set(kind, set);
      if (this.shown && this.api) registry()!.set(`dramatis-${kind}`, set);
    }
    set.add(range);
    if (this.shown && !this.api) this.wrap(kind, range);
  }

  remove(kind: HighlightKind, range: Range): void {
    this.sets.get(kind)?.delete(range);
    this.unwrap(range);
  }

  show(): void {
    this.shown = true;
    for (const [kind, set] of this.sets) {
      if (this.api) registry()!.set(`dramatis-${kind}`, set);
      else for (const r of set) this.wrap(kind, r);
    }
  }

  hide(): void {
    this.shown = false;
    for (const kind of this.sets.keys()) {
      if (this.api) registry()!.delete(`dramatis-${kind}`);
    }
    for (const r of [...this.wrapped.keys()]) this.unwrap(r);
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
