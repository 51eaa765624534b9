/**
 * Marks of very large blocks (one 5 MB text node, 2,000 lines split by <br>), painted a window at a
 * time. Every change to a registered Highlight makes the browser revalidate all of its ranges
 * before the next paint, so registering the tens of thousands of names of one huge block, in the
 * slices our budget allows, costs a revalidation of a growing set per slice: quadratic, and seconds
 * of frozen page. Here a huge block's mentions are cut into chunks by where they start in its text
 * (CHUNK_CHARS of text a chunk, so chunks follow the text whatever order the mentions come in: a
 * huge block is detected nearest the viewport first, see annotator.ts);
 * each chunk's box is measured once (the boxes of its first and last names) and only chunks
 * within a screen of the viewport are registered, updated at most once per animation frame as the
 * reader scrolls. So the registry holds what a reader can see, whatever the block's size, and every
 * name is still marked when it comes near. Hit-testing and navigation still know every mention.
 */

import { traceSpan, traceStart } from '../shared/trace';

/** A block is huge above this many characters (about ten screens of text). */
export const HUGE_BLOCK_CHARS = 20_000;
/** Characters of a block's text per chunk (some 60 names of prose): one measurement and one paint decision each. */
const CHUNK_CHARS = 6 * 1024;

export interface Windowed {
  readonly range: Range;
}

interface Chunk<T extends Windowed> {
  /** Its place in the block: offsets [key * CHUNK_CHARS, (key + 1) * CHUNK_CHARS). */
  key: number;
  items: T[];
  /** The items that start first and end last, for the chunk's box. */
  first: T | undefined;
  last: T | undefined;
  firstAt: number;
  lastAt: number;
  /** Document coordinates of the chunk's box; NaN until measured. */
  top: number;
  bottom: number;
  painted: boolean;
}

export interface WindowPainter<T> {
  paint(item: T, on: boolean): void;
  /** Called at the end of each update, after every read of boxes: the place for writes to the DOM. */
  flush?(): void;
}

export class BlockWindows<T extends Windowed> {
  private readonly chunks = new Map<object, Chunk<T>[]>();
  private readonly chunkOf = new Map<T, Chunk<T>>();
  private frame = 0;
  private listening = false;
  private readonly onView = () => this.schedule(true);
  private remeasure = false;

  constructor(private readonly painter: WindowPainter<T>) {}

  /**
   * Adds a mention of a huge block (block: any object naming the block; at: where the mention starts
   * in the block's text); it is painted when near. Cost: a binary search of the block's chunks when
   * the mention opens a new one.
   */
  add(block: object, item: T, at: number): void {
    let list = this.chunks.get(block);
    if (!list) this.chunks.set(block, (list = []));
    const key = Math.floor(at / CHUNK_CHARS);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.key < key) lo = mid + 1;
      else hi = mid;
    }
    let chunk = list[lo];
    if (!chunk || chunk.key !== key) {
      chunk = {
        key,
        items: [],
        first: undefined,
        last: undefined,
        firstAt: Infinity,
        lastAt: -Infinity,
        top: NaN,
        bottom: NaN,
        painted: false,
      };
      list.splice(lo, 0, chunk);
    }
    chunk.items.push(item);
    // A new first or last name moves the chunk's box: it is measured again at the next update (a box
    // read in a giant text node costs Chromium milliseconds, so a name in between changes nothing).
    if (at < chunk.firstAt) [chunk.first, chunk.firstAt, chunk.top] = [item, at, NaN];
    if (at >= chunk.lastAt) [chunk.last, chunk.lastAt, chunk.top] = [item, at, NaN];
    this.chunkOf.set(item, chunk);
    if (chunk.painted) this.painter.paint(item, true);
    this.listen();
    this.schedule(false);
  }

  has(item: T): boolean {
    return this.chunkOf.has(item);
  }

  /** Whether the item's chunk is painted now. */
  painted(item: T): boolean {
    return this.chunkOf.get(item)?.painted ?? false;
  }

  /** Forgets an item (its block left or is read again); the caller unpaints it. */
  remove(item: T): void {
    const chunk = this.chunkOf.get(item);
    if (!chunk) return;
    this.chunkOf.delete(item);
    const at = chunk.items.indexOf(item);
    if (at !== -1) chunk.items.splice(at, 1);
    // Rare (its block left the page or is read again): its box falls back to the items left, in any order.
    if (chunk.first === item || chunk.last === item) {
      chunk.first = chunk.items[0];
      chunk.last = chunk.items[chunk.items.length - 1];
      chunk.top = NaN;
    }
  }

  stop(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.listening) {
      window.removeEventListener('scroll', this.onView);
      window.removeEventListener('resize', this.onView);
    }
    this.listening = false;
    this.chunks.clear();
    this.chunkOf.clear();
  }

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    this.lastWidth = window.innerWidth;
    window.addEventListener('scroll', this.onView, { passive: true });
    window.addEventListener('resize', this.onView, { passive: true });
  }

  private schedule(viewChanged: boolean): void {
    // A new width reflows the text: every chunk's box moves.
    if (viewChanged && window.innerWidth !== this.lastWidth) this.remeasure = true;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.update();
    });
  }

  /**
   * Read when the first huge block arrives, not at construction: the session builds this at
   * DOMContentLoaded, and reading innerWidth there makes the browser lay out the whole page inside
   * our task (seconds on a 5 MB page) instead of in its own first frame.
   */
  private lastWidth = NaN;

  /**
   * Paints the chunks within a screen of the viewport and unpaints the others. Chunks follow the
   * text, so their boxes go down the page in order: a binary search finds the first one near the
   * viewport. Cost per frame: O(log chunks) boxes measured (each cached until the chunk grows or the
   * width changes), plus the chunks painted or unpainted.
   */
  update(): void {
    const started = traceStart();
    if (this.remeasure) {
      for (const list of this.chunks.values()) for (const c of list) c.top = NaN;
      this.remeasure = false;
      this.lastWidth = window.innerWidth;
    }
    const height = window.innerHeight;
    const low = window.scrollY - height;
    const high = window.scrollY + 2 * height;
    for (const [block, list] of this.chunks) {
      const live = list.filter((c) => c.items.length > 0);
      if (live.length === 0) {
        this.chunks.delete(block);
        continue;
      }
      if (live.length !== list.length) this.chunks.set(block, live);
      // The first chunk whose bottom reaches the band.
      let lo = 0;
      let hi = live.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.box(live[mid]!).bottom < low) lo = mid + 1;
        else hi = mid;
      }
      const near = new Set<Chunk<T>>();
      for (let i = lo; i < live.length && this.box(live[i]!).top <= high; i++) near.add(live[i]!);
      for (const c of live) if (c.painted && !near.has(c)) this.setPainted(c, false);
      // Nearest the viewport first: a painter that draws over several frames shows those first.
      const middle = window.scrollY + height / 2;
      const distance = (c: Chunk<T>) => Math.max(0, c.top - middle, middle - c.bottom);
      for (const c of [...near].sort((a, b) => distance(a) - distance(b))) this.setPainted(c, true);
    }
    this.painter.flush?.();
    traceSpan('windows', started);
  }

  private setPainted(c: Chunk<T>, on: boolean): void {
    if (c.painted === on) return;
    c.painted = on;
    for (const item of c.items) this.painter.paint(item, on);
  }

  private box(c: Chunk<T>): { top: number; bottom: number } {
    if (Number.isNaN(c.top)) this.measure(c);
    return c;
  }

  /**
   * The chunk's top is its first name's, its bottom its last name's: text flows down, and two boxes of
   * one name each cost little, where one Range over the chunk's text made the browser gather every
   * line box between (about 1 ms for a chunk of 600 links, several chunks per jump of the scroll).
   */
  private measure(c: Chunk<T>): void {
    const first = (c.first ?? c.items[0]!).range.getBoundingClientRect();
    const last = c.last && c.last !== c.first ? c.last.range.getBoundingClientRect() : first;
    c.top = Math.min(first.top, last.top) + window.scrollY;
    c.bottom = Math.max(first.bottom, last.bottom) + window.scrollY;
  }
}
