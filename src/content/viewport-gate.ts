/**
 * On very large pages, paint only the names near the viewport. Each change to a registered
 * Highlight makes the browser walk the whole document before the next paint (about 60 ms on a 2 MB
 * page), so painting 20,000 paragraphs' names costs long tasks however finely it is sliced. Here a
 * block's names are painted when the block comes within a screen of the viewport and unpainted when
 * it goes far away, so the changes in a frame are bounded by what a reader can scroll past. Hit-testing and keyboard navigation still know every name (see mentions.ts).
 */
export interface GateTarget {
  /** Paints (true) or unpaints (false) the names of the block whose root element this is. */
  show(root: Element, visible: boolean): void;
}

type ObserverFactory = (callback: IntersectionObserverCallback, options: IntersectionObserverInit) => IntersectionObserver;

/** A screen above and below the viewport: names are painted before they scroll into view. */
const MARGIN = '100% 0px 100% 0px';

export class ViewportGate {
  private readonly observer: IntersectionObserver;
  private readonly watched = new Set<Element>();

  constructor(
    private readonly target: GateTarget,
    makeObserver: ObserverFactory = (cb, options) => new IntersectionObserver(cb, options),
  ) {
    this.observer = makeObserver((entries) => this.onChange(entries), { rootMargin: MARGIN });
  }

  /** Starts watching a block root (once). Its names stay unpainted until it nears the viewport. */
  watch(root: Element): void {
    if (this.watched.has(root)) return;
    this.watched.add(root);
    this.observer.observe(root);
  }

  unwatch(root: Element): void {
    if (!this.watched.delete(root)) return;
    this.observer.unobserve(root);
  }

  stop(): void {
    this.observer.disconnect();
    this.watched.clear();
  }

  private onChange(entries: IntersectionObserverEntry[]): void {
    // The observer delivers one batch per frame: the registry is walked once per frame, not per block.
    for (const e of entries) if (this.watched.has(e.target)) this.target.show(e.target, e.isIntersecting);
  }
}
