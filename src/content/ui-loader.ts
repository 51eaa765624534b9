/**
 * Loads the UI bundle (ui.js: the hover card and the note panel, src/content/ui/) on first need and
 * stands in for it meanwhile. Hovering a name starts the load, so it is in place well before the
 * 400 ms intent delay. ui.js is a web-accessible ES module.
 */
import browser from 'webextension-polyfill';
import { send } from '../shared/messaging';
import { isCardEntity } from '../core/index/format';
import { isPassage, type CardTarget } from './hit-test';
import type { CardContext, CardSurface, OpenOptions, PanelSurface, UiModule } from './ui-contract';
import { uiApi } from './ui-host';

export class LazyUi {
  private card: CardSurface | undefined;
  private panelInstance: PanelSurface | undefined;
  private loading: Promise<UiModule> | undefined;
  /** An open requested while loading; dropped by close(). */
  private wanted: [CardTarget, OpenOptions | undefined] | undefined;
  private stopped = false;

  constructor(private readonly context: CardContext) {}

  get current(): CardTarget | undefined {
    return this.card?.current;
  }

  preload(): Promise<UiModule> {
    this.loading ??= (import(browser.runtime.getURL('ui.js')) as Promise<UiModule>).then(
      (mod) => {
        this.card = mod.createCard(this.context, send, uiApi);
        return mod;
      },
      (err: unknown) => {
        this.loading = undefined;
        throw err;
      },
    );
    return this.loading;
  }

  /**
   * Fetches a name's card text (one shard in the background) if the page has only its name and type,
   * so that a card opened after the hover-intent delay has its text at once.
   */
  prefetch(target: CardTarget): void {
    if (isPassage(target) || !target.id || this.prefetching.has(target.id)) return;
    const known = this.context.entity(target.id);
    if (!known || isCardEntity(known)) return;
    const id = target.id;
    this.prefetching.add(id);
    send({ type: 'entities.get', ids: [id] })
      .then(([full]) => {
        if (full && !this.stopped) this.context.upgradeEntity(full);
      })
      .catch(() => undefined)
      .finally(() => this.prefetching.delete(id));
  }

  private readonly prefetching = new Set<string>();

  open(target: CardTarget, options?: OpenOptions): void {
    if (this.stopped) return;
    if (this.card) return this.card.open(target, options);
    this.wanted = [target, options];
    this.preload()
      .then(() => {
        if (this.wanted?.[0] !== target || this.stopped) return;
        this.wanted = undefined;
        this.card!.open(target, options);
      })
      .catch((err: unknown) => console.warn('[Dramatis] the card could not load:', err instanceof Error ? err.message : err));
  }

  /** The note panel (toolbar and editors), loading the bundle if need be. */
  async panel(): Promise<PanelSurface> {
    const mod = await this.preload();
    this.panelInstance ??= mod.createPanel(uiApi);
    return this.panelInstance;
  }

  /** The panel if it is already loaded (no load on this path). */
  get loadedPanel(): PanelSurface | undefined {
    return this.panelInstance;
  }

  close(): void {
    this.wanted = undefined;
    this.card?.close();
  }

  refresh(id: string): void {
    this.card?.refresh(id);
  }

  /** Closes the card and the panel for good (the session stopped). */
  stop(): void {
    this.stopped = true;
    this.close();
    this.panelInstance?.close();
  }
}
