/**
 * Marks for what is the reader's own: noted passages and the names they track. These must not go
 * through the CSS Custom Highlight API, whose registry (`CSS.highlights`) belongs to the document:
 * any page script can enumerate it and read every range's text. Instead each range is painted as
 * rectangles from Range.getClientRects() inside the closed shadow root of our host (ui-host.ts),
 * with pointer-events: none so the page under them works as before and elementFromPoint never sees
 * them. Hit-testing stays with hit-test.ts (caret position, then the range index).
 *
 * Cost: one paint per animation frame at most, only after a scroll, a resize, a change of the
 * page's size or of the marks. A paint reads each range's bounding box (one layout flush for all,
 * then about a microsecond each) and draws only ranges within a screen of the viewport; mark
 * elements are reused. Personal marks are few (the reader's notes on this page, the names they
 * track), so a paint is well under a millisecond on ordinary pages.
 */
import type { HighlightKind } from './highlights';
import { attachUi, releaseUi, type Slot } from './ui-host';
import { watchLayout } from './layout-watch';

/** What a mark is: a name's kind, the reader's noted passage, or a reference pack's noted passage. */
export type MarkKind = HighlightKind | 'pack-note';

/**
 * The look of each kind, the same as the registry's highlights in content.css. Bars are underlines
 * drawn as the bottom pixels of each line box; the note's wash lies over the text, translucent. A
 * pack's passage is told apart from the reader's own by shape as well as colour (a blue wash with a
 * dashed underline), so it reads apart for colour-blind readers too.
 */
export const MARK_CSS = `
.root-marks-note, .root-marks-personal { position: fixed; top: 0; left: 0; width: 0; height: 0; pointer-events: none; }
.mark { position: fixed; box-sizing: border-box; pointer-events: none; margin: 0; padding: 0; border: 0; }
.mark-note { background: rgba(255, 196, 0, 0.28); }
.mark-pack-note { background: rgba(64, 140, 255, 0.16); border-bottom: 2px dashed rgba(40, 110, 220, 0.85); }
.mark-bar { border-bottom: 2px solid rgba(200, 46, 102, 0.85); }
.mark-organization { border-bottom-color: rgba(160, 82, 196, 0.85); }
.mark-place { border-bottom-color: rgba(38, 150, 96, 0.85); }
.mark-event { border-bottom-color: rgba(214, 98, 48, 0.85); }
.mark-work { border-bottom-color: rgba(176, 134, 30, 0.9); }
.mark-ambiguous { border-bottom: 2px dotted rgba(128, 128, 128, 0.9); }
`;

export class MarkLayer {
  private readonly ranges = new Map<Range, MarkKind>();
  private shown = false;
  private mount: HTMLElement | undefined;
  private readonly pool: HTMLElement[] = [];
  private frame = 0;
  private unwatch: (() => void) | undefined;

  constructor(private readonly slot: Extract<Slot, 'marks-note' | 'marks-personal'>) {}

  add(kind: MarkKind, range: Range): void {
    this.ranges.set(range, kind);
    this.schedule();
  }

  remove(_kind: MarkKind, range: Range): void {
    if (this.ranges.delete(range)) this.schedule();
  }

  /** The ranges painted now, for tests. */
  get size(): number {
    return this.ranges.size;
  }

  get visible(): boolean {
    return this.shown;
  }

  /**
   * Shows the marks. The host is attached now even with no marks yet: whether it is there must not
   * tell the page whether the reader has notes or tracked names here (see the README's privacy section).
   */
  show(): void {
    if (this.shown) return;
    this.shown = true;
    this.mount = attachUi(MARK_CSS, this.slot).mount(this.slot);
    this.unwatch = watchLayout(() => this.schedule());
    this.schedule();
  }

  hide(): void {
    if (!this.shown) return;
    this.shown = false;
    this.unwatch?.();
    this.unwatch = undefined;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pool.length = 0;
    this.mount = undefined;
    releaseUi(this.slot);
  }

  /** Hides everything and forgets it (the session stopped). */
  clear(): void {
    this.hide();
    this.ranges.clear();
  }

  /** Same surface as Highlighter: nothing is queued here, painting waits for the next frame anyway. */
  flush(): void {}

  private schedule(): void {
    if (!this.shown || this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paint();
    });
  }

  private paint(): void {
    const mount = this.mount;
    if (!mount) return;
    if (!mount.isConnected) {
      // The page removed our host (a framework replacing <html>'s children): attach a new one.
      this.mount = attachUi(MARK_CSS, this.slot).mount(this.slot);
      this.pool.length = 0;
      return this.schedule();
    }
    const height = window.innerHeight;
    const width = window.innerWidth;
    let used = 0;
    for (const [range, kind] of this.ranges) {
      const box = range.getBoundingClientRect();
      // Only ranges within a screen of the viewport; the rest are drawn when scrolled near.
      if (box.bottom < -height || box.top > 2 * height || box.right < -width || box.left > 2 * width) continue;
      if (box.width === 0 && box.height === 0) continue;
      const cls = kind === 'note' || kind === 'pack-note' ? `mark mark-${kind}` : `mark mark-bar mark-${kind}`;
      for (const rect of range.getClientRects()) {
        if (rect.width < 1 || rect.height < 1) continue;
        let el = this.pool[used];
        if (!el) {
          el = document.createElement('div');
          mount.append(el);
          this.pool.push(el);
        }
        used++;
        if (el.className !== cls) el.className = cls;
        const s = el.style;
        s.left = `${rect.left}px`;
        s.top = `${rect.top}px`;
        s.width = `${rect.width}px`;
        s.height = `${rect.height}px`;
      }
    }
    for (const el of this.pool.splice(used)) el.remove();
  }
}
