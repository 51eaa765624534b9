/**
 * Names inside giant text nodes (a plain-text book of several megabytes in one node), as the content
 * script sees them: which nodes count as giant, in which engine their marks are drawn apart from the
 * highlight registry, and a stand-in for the layer that draws them (anchored-marks.ts). That layer
 * lives in ui.js, loaded on the first such name: pages without a giant node, nearly all, never load
 * it, and the content script stays within its 60 KB budget (the layer is about 3 KB).
 */
import type { EntityType } from '../core/dataset/types';
import type { UiModule } from './ui-contract';
import { uiApi } from './ui-host';

/** A text node longer than this holds "giant" text: its names are marked apart, not in the registry. */
export const GIANT_NODE_CHARS = 500_000;

/**
 * Only Chromium pays for registry changes by the size of the node (90-150 ms a change on a 5 MB node);
 * Firefox does not, and there the separate marks cost more than the registry: the same five scroll
 * jumps on the 5 MB node drew 3-6 frames over 50 ms with them against 0-2 through the registry
 * (npm run bench -- --shapes, 2026-12-08). Firefox has no navigator.userAgentData, Chromium does: a
 * feature of the engine, not of the page's claims.
 */
export const anchorsGiantNodes = (): boolean => typeof navigator !== 'undefined' && 'userAgentData' in navigator;

export type MarkKind = EntityType | 'ambiguous';

/** What the content script asks of the layer of anchored marks. */
export interface AnchoredSurface {
  add(kind: MarkKind, range: Range): void;
  remove(range: Range): void;
  show(): void;
  hide(): void;
  clear(): void;
  /** Draws now (after the windows' reads of a frame). */
  flush(): void;
  readonly size: number;
}

/**
 * Stands in for the layer until ui.js has loaded: the first name added starts the load, and what
 * comes meanwhile (names added and removed, shown or hidden) is handed over once it is there.
 */
export class LazyAnchoredMarks implements AnchoredSurface {
  private layer: AnchoredSurface | undefined;
  private loading = false;
  private readonly waiting = new Map<Range, MarkKind>();
  private shown = false;
  private stopped = false;

  constructor(private readonly load: () => Promise<Pick<UiModule, 'createAnchoredMarks'>> = loadUi) {}

  add(kind: MarkKind, range: Range): void {
    if (this.layer) return this.layer.add(kind, range);
    this.waiting.set(range, kind);
    if (this.loading) return;
    this.loading = true;
    this.load().then(
      (mod) => {
        if (this.stopped) return;
        const layer = (this.layer = mod.createAnchoredMarks(uiApi));
        if (this.shown) layer.show();
        for (const [range, kind] of this.waiting) layer.add(kind, range);
        this.waiting.clear();
      },
      (err: unknown) => {
        this.loading = false;
        console.warn('[Dramatis] marks of a very long text could not load:', err instanceof Error ? err.message : err);
      },
    );
  }

  remove(range: Range): void {
    if (this.layer) this.layer.remove(range);
    else this.waiting.delete(range);
  }

  show(): void {
    this.shown = true;
    this.layer?.show();
  }

  hide(): void {
    this.shown = false;
    this.layer?.hide();
  }

  /** Forgets every mark; a later name starts again (the session re-reads the page). */
  clear(): void {
    this.waiting.clear();
    this.layer?.clear();
  }

  flush(): void {
    this.layer?.flush();
  }

  get size(): number {
    return this.layer ? this.layer.size : this.waiting.size;
  }
}

/** ui.js, the same module instance the card uses (ui-loader.ts). The extension API is imported here, on first use, so that tests of the marks in a plain DOM never load it. */
async function loadUi(): Promise<UiModule> {
  const { default: browser } = await import('webextension-polyfill');
  return (await import(browser.runtime.getURL('ui.js'))) as UiModule;
}
