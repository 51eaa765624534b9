// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BlockWindows } from './block-windows';

/** 2,000 names in one text node, one per line of 20 px (the geometry happy-dom lacks is stubbed). */
const LINE = 20;
const PER = 50;
let text: Text;
let measured = 0;
/** The length of text of every range measured. */
let lengths: number[] = [];
let painted: Set<Range>;
let windows: BlockWindows<{ range: Range }>;
let items: { range: Range }[];
const block = {};

beforeEach(() => {
  document.body.innerHTML = '';
  text = document.createTextNode('x'.repeat(2000 * PER));
  document.body.append(text);
  measured = 0;
  lengths = [];
  vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(function (this: Range) {
    measured++;
    lengths.push(this.endOffset - this.startOffset);
    const top = (this.startOffset / PER) * LINE - window.scrollY;
    const bottom = (this.endOffset / PER) * LINE - window.scrollY + LINE;
    return { top, bottom, left: 0, right: 100, width: 100, height: bottom - top, x: 0, y: top, toJSON: () => ({}) } as DOMRect;
  });
  Object.defineProperty(window, 'innerHeight', { configurable: true, value: 800 });
  Object.defineProperty(window, 'scrollY', { configurable: true, writable: true, value: 0 });
  painted = new Set();
  windows = new BlockWindows({ paint: (item, on) => (on ? painted.add(item.range) : painted.delete(item.range)) });
  items = [];
  for (let i = 0; i < 2000; i++) {
    const range = document.createRange();
    range.setStart(text, i * PER);
    range.setEnd(text, i * PER + 10);
    items.push({ range });
    windows.add(block, items[i]!, i * PER);
  }
});
afterEach(() => {
  windows.stop();
  vi.restoreAllMocks();
});

/** The line numbers of the painted names. */
const lines = () => [...painted].map((r) => r.startOffset / PER).sort((a, b) => a - b);

describe('BlockWindows', () => {
  it('registers only the names within a screen of the viewport, in whole chunks', () => {
    windows.update();
    // The band is [-800, 1600] px: lines 0-80, all in the first chunk (6,144 characters: lines 0-122).
    expect(lines()[0]).toBe(0);
    expect(lines().at(-1)).toBe(122);
    expect(painted.size).toBe(123);
  });

  it("measures a chunk by its first and last names' boxes, never by a range over the chunk's text", () => {
    windows.update();
    expect(lengths.length).toBeGreaterThan(0);
    expect(Math.max(...lengths)).toBe(10); // one name each
  });

  it('measures O(log n) chunk boxes to find the band, not every chunk', () => {
    windows.update();
    // 32 chunks: a binary search and the chunks in the band, not 32 measurements.
    expect(measured).toBeLessThanOrEqual(10);
  });

  it('follows the reader: scrolled down, the far names are unpainted and the near ones painted', () => {
    windows.update();
    window.scrollY = 20_000; // line 1000
    windows.update();
    const now = lines();
    expect(now).not.toContain(0);
    expect(now).toContain(1000);
    expect(now[0]).toBeGreaterThanOrEqual(900 - 123);
    expect(now.at(-1)).toBeLessThanOrEqual(1120 + 123);
    expect(painted.size).toBeLessThanOrEqual(4 * 123);
  });

  it('tells whether a name is painted, and forgets a removed one', () => {
    windows.update();
    expect(windows.painted(items[0]!)).toBe(true);
    expect(windows.painted(items[1500]!)).toBe(false);
    windows.remove(items[0]!);
    expect(windows.has(items[0]!)).toBe(false);
    expect(windows.has(items[1]!)).toBe(true);
    // A name added to a painted chunk is painted at once.
    const range = document.createRange();
    range.setStart(text, 5);
    range.setEnd(text, 9);
    windows.add(block, { range }, 5);
    windows.update();
    expect(painted.has(range)).toBe(true);
  });

  it('keeps chunks in the order of the text whatever order the names come in', () => {
    // Names of lines 1,000-1,999 first, then 0-999 (a block detected nearest the viewport first).
    const late = new BlockWindows<{ range: Range }>({ paint: (item, on) => (on ? painted.add(item.range) : painted.delete(item.range)) });
    painted.clear();
    for (const i of [...items.keys()].map((i) => (i + 1000) % 2000)) late.add(block, items[i]!, i * PER);
    window.scrollY = 30_000; // line 1500
    late.update();
    const now = lines();
    expect(now).toContain(1500);
    expect(now[0]).toBeGreaterThanOrEqual(1400 - 123);
    expect(now.at(-1)).toBeLessThanOrEqual(1620 + 123);
    window.scrollY = 2_000; // line 100
    late.update();
    expect(lines()).toContain(100);
    expect(lines()).not.toContain(1500);
    late.stop();
  });

  it('measures a chunk again only when its first or last name changes, not for a name in between', () => {
    const fresh = new BlockWindows<{ range: Range }>({ paint: () => undefined });
    const at = (i: number) => i * PER;
    // One chunk (lines 0-122): its first and last names, then one in between once measured.
    fresh.add(block, items[0]!, at(0));
    fresh.add(block, items[100]!, at(100));
    fresh.update();
    measured = 0;
    fresh.add(block, items[50]!, at(50));
    fresh.update();
    expect(measured).toBe(0);
    fresh.add(block, items[110]!, at(110));
    fresh.update();
    expect(measured).toBeGreaterThan(0);
    fresh.stop();
  });
});
