/**
 * The CSS Custom Highlight API, feature-detected in one place for painting (highlights.ts) and for
 * hit-testing (hit-test.ts). Chrome 105+ and Firefox 140+ have it; older engines get undefined.
 */

/** What we use of `CSS.highlights`; highlightsFromPoint is newer than the registry itself. */
export interface HighlightRegistryLike {
  set(name: string, highlight: unknown): void;
  get(name: string): unknown;
  delete(name: string): void;
  highlightsFromPoint?: (x: number, y: number) => unknown[];
}

export function highlightRegistry(): HighlightRegistryLike | undefined {
  return (globalThis.CSS as unknown as { highlights?: HighlightRegistryLike } | undefined)?.highlights;
}

type HighlightCtor = new (...ranges: Range[]) => Set<Range>;

function highlightCtor(): HighlightCtor | undefined {
  return (globalThis as unknown as { Highlight?: HighlightCtor }).Highlight;
}

export const supportsHighlightApi = (): boolean => highlightRegistry() !== undefined && highlightCtor() !== undefined;

/** A new, empty Highlight (a Set of ranges the browser paints once registered). Call only when supported. */
export function newHighlight(): Set<Range> {
  return new (highlightCtor()!)();
}

/**
 * The ranges of our highlights under a point, topmost first, or undefined where the browser cannot
 * say (no highlightsFromPoint, or an older shape that returns Highlight objects without ranges).
 */
export function highlightRangesAt(x: number, y: number): AbstractRange[] | undefined {
  const registry = highlightRegistry();
  if (typeof registry?.highlightsFromPoint !== 'function') return undefined;
  const ranges: AbstractRange[] = [];
  let shaped = false;
  for (const hit of registry.highlightsFromPoint(x, y)) {
    const list = (hit as { ranges?: AbstractRange[] }).ranges;
    if (!list) continue;
    shaped = true;
    ranges.push(...list);
  }
  return shaped ? ranges : undefined;
}
