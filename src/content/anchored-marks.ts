/**
 * Marks of the names inside giant text nodes (a plain-text book of several megabytes in one node),
 * drawn in our closed root instead of the page's highlight registry. In Chromium every change to
 * the registry that touches such a node costs the browser about 20 ms per megabyte of the node
 * before its next paint, whatever the number of ranges (one 5 MB node: 90-150 ms a change, our own
 * script 0-19 ms; scripts/bench/shapes-trace.ts, 2026-12-07), and a huge block's marks change as
 * the reader scrolls (block-windows.ts): every scroll into new text froze the page.
 *
 * Here a mark's boxes are measured once, in document coordinates, when it is painted
 * (Range.getClientRects: about 0.4 ms in a 5 MB node), and scrolling moves all of them with one
 * transform on their container, so a scroll costs one style write. A resize or a reflow of the page
 * (ResizeObserver on the root and body, a loaded font) measures them all again; a scroll inside
 * another scroll container does too, as the text moved without the window scrolling.
 * Hit-testing is unchanged: hover finds these names by the caret position (hit-test.ts).
 */
import { MARK_CSS } from './mark-layer';
import type { AnchoredSurface, MarkKind } from './giant-nodes';
import type { UiApi } from './ui-host';
import { watchLayout } from './layout-watch';
import { traceSpan, traceStart } from '../shared/trace';

/** Reads of mark boxes per frame, in ms (each about 0.4 ms in a 5 MB node). */
const BUDGET_MS = 5;

const ANCHORED_CSS = `
.root-marks-anchored { position: fixed; top: 0; left: 0; width: 0; height: 0; pointer-events: none; }
.pan { position: absolute; top: 0; left: 0; width: 0; height: 0; will-change: transform; }
.pan .mark { position: absolute; }
`;

type Kind = MarkKind;

interface Mark {
  kind: Kind;
  /** The mark's boxes in document coordinates; empty until measured. */
  boxes: { left: number; top: number; width: number; height: number }[];
  /** Its elements in the container (empty until drawn). */
  els: HTMLElement[];
}

export class AnchoredMarks implements AnchoredSurface {
  /** `ui`: the content script's host functions (ui.js is a bundle of its own, see ui-host.ts). */
  constructor(private readonly ui: UiApi) {}

  private readonly marks = new Map<Range, Mark>();
  /** Painted but not measured yet (measured together at the next frame). */
  private readonly pending = new Set<Range>();
  /** The session shows marks (the reader's switch). */
  private wanted = false;
  /** Attached and listening (only once a giant node has a mark). */
  private shown = false;
  private pan: HTMLElement | undefined;
  private frame = 0;
  /** The text moved (resize, reflow, an inner scroll): every mark is measured again. */
  private stale = false;
  /** Marks went (or were measured again) since the last drawing: the container's children are rebuilt. */
  private dirty = false;
  private unwatch: (() => void) | undefined;

  add(kind: Kind, range: Range): void {
    if (this.marks.has(range)) return;
    this.marks.set(range, { kind, boxes: [], els: [] });
    this.pending.add(range);
    if (this.wanted && !this.shown) this.attach();
    this.schedule();
  }

  /** Cost: O(1) now; the drawing is rebuilt at the next frame (see draw). */
  remove(range: Range): void {
    const mark = this.marks.get(range);
    if (!mark) return;
    this.marks.delete(range);
    this.pending.delete(range);
    if (mark.els.length > 0) this.dirty = true;
    this.schedule();
  }
  /** Marks held now (tests). */
  get size(): number {
    return this.marks.size;
  }

  /**
   * Marks are to be seen. Nothing is attached or listened to until the first giant node's mark
   * comes: on an ordinary page this layer costs nothing.
   */
  show(): void {
    this.wanted = true;
    if (this.marks.size > 0) this.attach();
  }

  private attach(): void {
    if (this.shown) return;
    this.shown = true;
    const mount = this.ui.attach(`${MARK_CSS}${ANCHORED_CSS}`, 'marks-anchored').mount('marks-anchored');
    this.pan = document.createElement('div');
    this.pan.className = 'pan';
    mount.append(this.pan);
    // The window's scroll moves the container only; anything else moved text inside the page.
    this.unwatch = watchLayout((windowScroll) => {
      if (!windowScroll) this.stale = true;
      this.schedule();
    });
    this.stale = true;
    this.schedule();
  }

  hide(): void {
    this.wanted = false;
    this.detach();
  }

  private detach(): void {
    if (!this.shown) return;
    this.shown = false;
    this.unwatch?.();
    this.unwatch = undefined;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    // Their elements went with the container.
    for (const mark of this.marks.values()) mark.els = [];
    this.pan = undefined;
    this.ui.release('marks-anchored');
  }

  clear(): void {
    this.hide();
    this.marks.clear();
    this.pending.clear();
  }

  /**
   * Draws now: block-windows.ts calls this at the end of its frame's update, once its own reads
   * are done, so the two share one layout instead of the second read forcing a new one.
   */
  flush(): void {
    if (!this.shown) return;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.draw();
  }

  private schedule(): void {
    if (!this.shown || this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /**
   * Measures what is new (or everything, when the text moved), then draws: new marks are appended
   * as one fragment, and a mark that went (or was measured again) makes one rebuild of the
   * container's children. Why never mark by mark: Chromium walks every live Range of the document
   * on each node removed (and on each insertion outside a fragment), and a giant node holds tens of
   * thousands of mention ranges: with 40,000 ranges one removal took 1-1.5 ms, and removing the 128
   * marks of two windows one by one took 120-260 ms on a scroll jump (shapes-trace, 2026-12-08);
   * one append or one replaceChildren walks them once (about 2 ms for 200 marks). Reads come
   * before writes (a read after a write forces a layout), and block-windows.ts calls flush() after
   * its own reads. At most BUDGET_MS of reads a frame (about 0.4 ms a range in a 5 MB node); what
   * is left waits for the next frame.
   */
  private draw(): void {
    const pan = this.pan;
    if (!pan) return;
    if (!pan.isConnected) {
      // The page removed our host: start again on a new one.
      this.detach();
      return this.attach();
    }
    if (this.stale) {
      this.stale = false;
      for (const range of this.marks.keys()) this.pending.add(range);
    }
    const started = traceStart();
    const x = window.scrollX;
    const y = window.scrollY;
    const deadline = performance.now() + BUDGET_MS;
    const measured: Mark[] = [];
    for (const range of this.pending) {
      this.pending.delete(range);
      const mark = this.marks.get(range);
      if (mark) {
        // Drawn before: its old elements must go, which only a rebuild does cheaply.
        if (mark.els.length > 0) this.dirty = true;
        mark.boxes = lineBoxes(range.getClientRects(), x, y);
        measured.push(mark);
      }
      if (performance.now() > deadline) break;
    }
    traceSpan('anchored measure', started);
    if (this.dirty || measured.length > 0) {
      const built = traceStart();
      const fragment = document.createDocumentFragment();
      const draw = (mark: Mark) => {
        mark.els = [];
        for (const box of mark.boxes) {
          const el = document.createElement('div');
          el.className = `mark mark-bar mark-${mark.kind}`;
          const s = el.style;
          s.left = `${box.left}px`;
          s.top = `${box.top}px`;
          s.width = `${box.width}px`;
          s.height = `${box.height}px`;
          fragment.append(el);
          mark.els.push(el);
        }
      };
      if (this.dirty) {
        this.dirty = false;
        for (const mark of this.marks.values()) draw(mark);
        pan.replaceChildren(fragment);
      } else {
        for (const mark of measured) draw(mark);
        pan.append(fragment);
      }
      traceSpan('anchored build', built);
    }
    pan.style.transform = `translate(${-x}px, ${-y}px)`;
    if (this.pending.size > 0) this.schedule();
  }
}

/**
 * A range's boxes in document coordinates, one per stretch of a line: a name split over many inline
 * elements (one-letter spans) gets a rect from each of them, and from their text too, which would
 * otherwise be as many boxes to build (2,824 for 141 names, 45-86 ms a frame; shapes-trace, Firefox,
 * 2026-12-08). Rects come in text order, so a rect that overlaps the last box's line and starts at
 * or before its right edge extends it.
 */
export function lineBoxes(rects: ArrayLike<DOMRect>, x: number, y: number): Mark['boxes'] {
  const boxes: Mark['boxes'] = [];
  let last: Mark['boxes'][number] | undefined;
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (r.width < 1 || r.height < 1) continue;
    const left = r.left + x;
    const top = r.top + y;
    const sameLine = last !== undefined && top < last.top + last.height && top + r.height > last.top;
    if (last && sameLine && left <= last.left + last.width + 1 && left + r.width >= last.left - 1) {
      const right = Math.max(last.left + last.width, left + r.width);
      const bottom = Math.max(last.top + last.height, top + r.height);
      last.left = Math.min(last.left, left);
      last.top = Math.min(last.top, top);
      last.width = right - last.left;
      last.height = bottom - last.top;
      continue;
    }
    last = { left, top, width: r.width, height: r.height };
    boxes.push(last);
  }
  return boxes;
}
