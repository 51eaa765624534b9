// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { GROUP, ViewportGate, type GateEntry } from './viewport-gate';

/**
 * A page of blocks 40 px tall laid out one under the other, a viewport of 800 px and the observed
 * band a screen above and below it ([-800, 1600] px from the viewport's top). The stand-in observer
 * reports what a real one would: each newly observed element once, then each one whose being in
 * the band changed, with its box and the band's.
 */
const BLOCK = 40;
const VIEW = 800;
let blocks: Element[];
let observed: Set<Element>;
let reported: Map<Element, boolean>;
let shown: Set<Element>;
let gate: ViewportGate;
let scrollY = 0;
let callback: ((entries: GateEntry[]) => void) | undefined;
let heightOf: (i: number) => number;

let tops: number[] = [];
let indexOf = new Map<Element, number>();
/** Lays the blocks out: each one's top, from the heights. */
function layout(): void {
  tops = [];
  let top = 0;
  for (let i = 0; i < blocks.length; i++) {
    tops.push(top);
    top += heightOf(i);
  }
  indexOf = new Map(blocks.map((b, i) => [b, i]));
}
const topOf = (el: Element): number => tops[indexOf.get(el)!]!;

/** One frame of the observer: reports for new targets and for those that entered or left the band. */
function frame(): void {
  const band = new DOMRect(0, -VIEW, 1000, 3 * VIEW);
  const entries: GateEntry[] = [];
  for (const el of observed) {
    const top = topOf(el) - scrollY;
    const box = new DOMRect(0, top, 600, heightOf(indexOf.get(el)!));
    const inBand = box.bottom >= band.top && box.top <= band.bottom;
    if (reported.get(el) === inBand) continue;
    reported.set(el, inBand);
    entries.push({ target: el, isIntersecting: inBand, boundingClientRect: box, rootBounds: band });
  }
  if (entries.length > 0) callback!(entries);
}

function makeGate(): ViewportGate {
  observed = new Set();
  reported = new Map();
  shown = new Set();
  return new ViewportGate({ show: (root, on) => (on ? shown.add(root) : shown.delete(root)) }, (cb) => {
    callback = cb as unknown as (entries: GateEntry[]) => void;
    return {
      observe: (el: Element) => {
        observed.add(el);
        reported.delete(el);
      },
      unobserve: (el: Element) => {
        observed.delete(el);
        reported.delete(el);
      },
      disconnect: () => observed.clear(),
    } as unknown as IntersectionObserver;
  });
}

/** Indexes of the blocks whose names are painted. */
const painted = () => blocks.map((b, i) => (shown.has(b) ? i : -1)).filter((i) => i >= 0);

/** Whether every block within the viewport itself is painted. */
function viewportPainted(): boolean {
  for (let i = 0; i < blocks.length; i++) {
    const top = tops[i]! - scrollY;
    if (top + heightOf(i) > 0 && top < VIEW && !shown.has(blocks[i]!)) return false;
  }
  return true;
}

beforeEach(() => {
  document.body.innerHTML = '';
  blocks = Array.from({ length: 2000 }, () => document.body.appendChild(document.createElement('p')));
  heightOf = () => BLOCK;
  layout();
  scrollY = 0;
  gate = makeGate();
});

describe('ViewportGate', () => {
  it('observes two blocks per group, not every block', async () => {
    for (const b of blocks) gate.watch(b);
    await Promise.resolve();
    expect(gate.observed).toBe(Math.ceil(2000 / GROUP) * 2);
  });

  it('paints the groups within a screen of the viewport, and only those', async () => {
    for (const b of blocks) gate.watch(b);
    await Promise.resolve();
    frame();
    // The band reaches 1,600 px down: blocks 0-39 are in it, so groups 0 and 1 (blocks 0-63).
    expect(painted()).toEqual(Array.from({ length: 2 * GROUP }, (_, i) => i));
    expect(viewportPainted()).toBe(true);
  });

  it('follows a scroll: groups that come near are painted, those left far behind unpainted', async () => {
    for (const b of blocks) gate.watch(b);
    await Promise.resolve();
    frame();
    for (scrollY = 0; scrollY <= 40_000; scrollY += 300) {
      frame();
      expect(viewportPainted()).toBe(true);
    }
    const far = painted().filter((i) => i * BLOCK + BLOCK < scrollY - 2 * VIEW - GROUP * BLOCK);
    expect(far).toEqual([]);
  });

  it('after a jump of the scroll position, the blocks in view are painted in the next frame', async () => {
    for (const b of blocks) gate.watch(b);
    await Promise.resolve();
    frame();
    for (const y of [50_000, 12_345, 79_000, 0, 40_000]) {
      scrollY = y;
      frame();
      expect(viewportPainted()).toBe(true);
    }
  });

  it('a group taller than the band is split until each part fits, so a jump into it still finds it', async () => {
    // Blocks 300 px tall: a group of 32 spans 9,600 px, four times the band.
    heightOf = () => 300;
    layout();
    for (const b of blocks) gate.watch(b);
    await Promise.resolve();
    for (let i = 0; i < 10; i++) frame();
    for (const y of [100_000, 30_000, 250_000, 5_000, 180_000]) {
      scrollY = y;
      frame();
      frame(); // a split's new sentinels report in the frame after
      expect(viewportPainted()).toBe(true);
    }
    // Still far fewer targets than blocks.
    expect(gate.observed).toBeLessThan(blocks.length);
  });

  it('a block that leaves is forgotten; its group is observed through the blocks that remain', async () => {
    for (const b of blocks.slice(0, 10)) gate.watch(b);
    await Promise.resolve();
    frame();
    expect(observed).toEqual(new Set([blocks[0], blocks[9]]));
    gate.unwatch(blocks[0]!);
    gate.unwatch(blocks[9]!);
    expect(observed).toEqual(new Set([blocks[1], blocks[8]]));
    for (const b of blocks.slice(1, 9)) gate.unwatch(b);
    expect(observed.size).toBe(0);
  });

  it('blocks added in separate tasks (a live page) make groups of their own', async () => {
    gate.watch(blocks[0]!);
    await Promise.resolve();
    gate.watch(blocks[1]!);
    await Promise.resolve();
    expect(observed).toEqual(new Set([blocks[0], blocks[1]]));
    frame();
    expect(painted()).toEqual([0, 1]);
  });
});
