/**
 * On very large pages, paint only the names near the viewport. Each change to a registered
 * Highlight makes the browser walk the whole document before the next paint (tens to hundreds of ms
 * on a 2 MB page), so painting 20,000 paragraphs' names costs long tasks however finely it is
 * sliced. Here a block's names are painted when the block comes within a screen of the viewport and
 * unpainted when it goes far away, so the registry holds what a reader can see and changes only as
 * they scroll (the Highlighter applies a frame's changes at once). Hit-testing and keyboard
 * navigation still know every name (see mentions.ts).
 *
 * Blocks are watched in groups of consecutive blocks (up to GROUP), not one by one: the browser
 * recomputes every observed target's intersection after each layout or scroll, and 20,000 targets
 * cost it seconds on a 2 MB page. A group is observed through its first and last block (its
 * sentinels). It is near when either sentinel is, or when the first lies above the observed band and
 * the last below it (the viewport inside a tall group). That last test uses where each sentinel was
 * last reported, which a jump of the scroll position can leave stale; so a group found taller than
 * the band (a screen, the viewport and a screen) is split in two, again until each part fits or is a
 * single block: a group no taller than the band cannot hold the viewport without a sentinel inside
 * the band.
 */
import { traceSpan, traceStart } from '../shared/trace';

export interface GateTarget {
  /** Paints (true) or unpaints (false) the names of the block whose root element this is. */
  show(root: Element, visible: boolean): void;
}

type ObserverFactory = (callback: IntersectionObserverCallback, options: IntersectionObserverInit) => IntersectionObserver;

/** A screen above and below the viewport: names are painted before they scroll into view. */
const MARGIN = '100% 0px 100% 0px';
/** Blocks per group: 20,000 blocks make about 1,250 observed sentinels instead of 20,000 targets. */
export const GROUP = 32;

/** Where a sentinel was last reported: in the band, wholly above or below it, or not known yet. */
type Side = 'near' | 'above' | 'below' | 'unknown';

interface Group {
  roots: Element[];
  /** Whether its blocks' names are painted now. */
  near: boolean;
  /** Sentinels observed (undefined while the group is still open to the task's next blocks). */
  first?: Element;
  last?: Element;
}

/** What the gate needs of an intersection report (IntersectionObserverEntry, or a test's stand-in). */
export type GateEntry = Pick<IntersectionObserverEntry, 'target' | 'isIntersecting'> &
  Partial<Pick<IntersectionObserverEntry, 'boundingClientRect' | 'rootBounds'>>;

export class ViewportGate {
  private readonly observer: IntersectionObserver;
  private readonly groupOf = new Map<Element, Group>();
  /** Sentinel -> its group (a sentinel belongs to exactly one group). */
  private readonly sentinels = new Map<Element, Group>();
  private readonly sides = new Map<Element, Side>();
  /** The group taking this task's new blocks; closed (its sentinels observed) when full or at the task's end. */
  private open: Group | undefined;
  private closing = false;

  constructor(
    private readonly target: GateTarget,
    makeObserver: ObserverFactory = (cb, options) => new IntersectionObserver(cb, options),
  ) {
    this.observer = makeObserver((entries) => this.onChange(entries), { rootMargin: MARGIN });
  }

  /** Starts watching a block root (once). Its names stay unpainted until its group nears the viewport. */
  watch(root: Element): void {
    if (this.groupOf.has(root)) return;
    // Blocks come in reading order, a detection batch at a time: consecutive ones share a group.
    const group = (this.open ??= { roots: [], near: false });
    group.roots.push(root);
    this.groupOf.set(root, group);
    if (group.roots.length >= GROUP) this.close();
    else if (!this.closing) {
      this.closing = true;
      queueMicrotask(() => {
        this.closing = false;
        this.close();
      });
    }
  }

  unwatch(root: Element): void {
    const group = this.groupOf.get(root);
    if (!group) return;
    this.groupOf.delete(root);
    group.roots.splice(group.roots.indexOf(root), 1);
    if (group === this.open) return;
    if (group.first === root || group.last === root || group.roots.length === 0) this.observeSentinels(group);
  }

  stop(): void {
    this.observer.disconnect();
    this.groupOf.clear();
    this.sentinels.clear();
    this.sides.clear();
    this.open = undefined;
  }

  /** How many elements are observed (tests: far fewer than blocks). */
  get observed(): number {
    return this.sentinels.size;
  }

  private close(): void {
    const group = this.open;
    this.open = undefined;
    if (group && group.roots.length > 0) this.observeSentinels(group);
  }

  /** (Re)observes a group's first and last block; an emptied group is dropped. */
  private observeSentinels(group: Group): void {
    for (const old of [group.first, group.last]) {
      if (old && this.sentinels.get(old) === group) {
        this.sentinels.delete(old);
        this.sides.delete(old);
        this.observer.unobserve(old);
      }
    }
    group.first = group.roots[0];
    group.last = group.roots[group.roots.length - 1];
    for (const s of new Set([group.first, group.last])) {
      if (!s) continue;
      this.sentinels.set(s, group);
      this.sides.set(s, 'unknown');
      // The first report of a newly observed element always comes, near or not.
      this.observer.observe(s);
    }
  }

  /** Intersection reports, one batch per frame: the groups whose state changed are shown or hidden together. */
  onChange(entries: readonly GateEntry[]): void {
    const started = traceStart();
    const touched = new Set<Group>();
    const rects = new Map<Element, { top: number; bottom: number; band: number }>();
    for (const e of entries) {
      const group = this.sentinels.get(e.target);
      if (!group) continue;
      this.sides.set(e.target, sideOf(e));
      touched.add(group);
      const r = e.boundingClientRect;
      const band = e.rootBounds?.height;
      if (r && band !== undefined) rects.set(e.target, { top: r.top, bottom: r.bottom, band });
    }
    for (const group of touched) {
      // Both sentinels measured in the same frame: the group's height is known, and one taller than the band is split.
      const a = rects.get(group.first!);
      const b = rects.get(group.last!);
      if (a && b && group.roots.length > 1 && b.bottom - a.top > a.band) {
        this.split(group);
        continue;
      }
      this.decide(group);
    }
    traceSpan('gate', started);
  }

  private decide(group: Group): void {
    const first = this.sides.get(group.first!) ?? 'unknown';
    const last = this.sides.get(group.last!) ?? 'unknown';
    // Not known yet (a sentinel just observed): keep the group as it is until its report comes.
    if (first === 'unknown' && last === 'unknown') return;
    const near = first === 'near' || last === 'near' || (first === 'above' && last === 'below');
    if (near === group.near) return;
    group.near = near;
    for (const root of group.roots) this.target.show(root, near);
  }

  /** Two halves, each observed afresh; they keep the painted state until their own reports come. */
  private split(group: Group): void {
    const mid = group.roots.length >> 1;
    const halves: Group[] = [
      { roots: group.roots.slice(0, mid), near: group.near },
      { roots: group.roots.slice(mid), near: group.near },
    ];
    for (const s of [group.first, group.last]) {
      if (s && this.sentinels.get(s) === group) {
        this.sentinels.delete(s);
        this.sides.delete(s);
        this.observer.unobserve(s);
      }
    }
    for (const half of halves) {
      for (const root of half.roots) this.groupOf.set(root, half);
      this.observeSentinels(half);
    }
  }
}

function sideOf(e: GateEntry): Side {
  if (e.isIntersecting) return 'near';
  const r = e.boundingClientRect;
  const band = e.rootBounds;
  // A hidden element (display: none) has an empty box at the origin: where it is cannot be told.
  if (!r || !band || (r.width === 0 && r.height === 0)) return 'unknown';
  if (r.bottom < band.top) return 'above';
  if (r.top > band.bottom) return 'below';
  return 'unknown';
}
