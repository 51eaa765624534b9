// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnchoredMarks, lineBoxes } from './anchored-marks';
import { uiApi } from './ui-host';

/** The container of mark elements (private; inside a closed root the test cannot open). */
const pan = (marks: AnchoredMarks) => (marks as unknown as { pan: HTMLElement }).pan;

function rangeOver(text: Text, from: number, to: number): Range {
  const r = document.createRange();
  r.setStart(text, from);
  r.setEnd(text, to);
  return r;
}

describe('AnchoredMarks', () => {
  afterEach(() => vi.restoreAllMocks());

  it('draws a mark per box at document coordinates, adds new ones without a rebuild, and rebuilds once when marks go', () => {
    document.body.innerHTML = '<p>Paris and Rome and Vienna</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    // Two boxes for the first range (a name broken over two lines), one for the others.
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
      const x = this.startOffset * 10;
      const boxes = [new DOMRect(x, 20, 40, 16)];
      if (this.startOffset === 0) boxes.push(new DOMRect(0, 40, 12, 16), new DOMRect(0, 60, 0, 0));
      return boxes as unknown as DOMRectList;
    });
    const marks = new AnchoredMarks(uiApi);
    marks.show();
    const paris = rangeOver(text, 0, 5);
    const rome = rangeOver(text, 10, 14);
    marks.add('place', paris);
    marks.flush();
    // The empty box is skipped.
    expect(pan(marks).children).toHaveLength(2);
    const first = pan(marks).children[0] as HTMLElement;
    expect(first.className).toBe('mark mark-bar mark-place');
    expect([first.style.left, first.style.top, first.style.width]).toEqual(['0px', '20px', '40px']);
    const kept = pan(marks).children[1];
    marks.add('place', rome);
    marks.flush();
    expect(pan(marks).children).toHaveLength(3);
    // Appended: the elements drawn before are the same nodes.
    expect(pan(marks).children[1]).toBe(kept);
    marks.remove(paris);
    marks.flush();
    expect(pan(marks).children).toHaveLength(1);
    expect((pan(marks).children[0] as HTMLElement).style.left).toBe('100px');
    expect(marks.size).toBe(1);
    marks.clear();
    expect(marks.size).toBe(0);
  });

  it('attaches nothing to the page until a mark comes', () => {
    document.body.innerHTML = '<p>nothing</p>';
    const before = document.documentElement.children.length;
    const marks = new AnchoredMarks(uiApi);
    marks.show();
    expect(document.documentElement.children.length).toBe(before);
    marks.clear();
  });
});

describe('lineBoxes', () => {
  const rect = (left: number, top: number, width: number, height = 20) => ({ left, top, width, height }) as DOMRect;

  it('joins the rects of one name split over one-letter elements (and their text) into one box a line', () => {
    // "Trotsky" in seven spans: each span's box, then its text's, in text order; then the line breaks.
    const rects = [
      rect(100, 40, 8),
      rect(100, 40, 8),
      rect(108, 40, 6),
      rect(108, 40, 6),
      rect(114, 40, 9),
      rect(0, 60, 7),
      rect(7, 60, 8),
    ];
    expect(lineBoxes(rects, 0, 1000)).toEqual([
      { left: 100, top: 1040, width: 23, height: 20 },
      { left: 0, top: 1060, width: 15, height: 20 },
    ]);
  });

  it('keeps apart rects on one line with a gap, and drops empty ones', () => {
    expect(lineBoxes([rect(10, 0, 20), rect(0, 0, 0), rect(60, 0, 20)], 5, 0)).toEqual([
      { left: 15, top: 0, width: 20, height: 20 },
      { left: 65, top: 0, width: 20, height: 20 },
    ]);
  });
});
