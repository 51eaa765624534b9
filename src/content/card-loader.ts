/**
 * Loads the card module (card.js, a web-accessible ES module) on first need and stands in for it
 * meanwhile. Hovering a name starts the load, so it is in place well before the 400 ms intent delay.
 */
import browser from 'webextension-polyfill';
import { send } from '../shared/messaging';
import type { CardCallbacks, CardSurface, OpenOptions } from './card-api';
import type { PageMention, PageMentions } from './mentions';
import { uiApi } from './ui-host';

type CardModule = typeof import('./card/entry');

export class LazyCard implements CardSurface {
  private real: CardSurface | undefined;
  private loading: Promise<CardSurface> | undefined;
  private panelInstance: import('./panel/panel').NotePanel | undefined;
  private module: CardModule | undefined;
  /** An open requested while loading; dropped by close(). */
  private wanted: [PageMention, OpenOptions | undefined] | undefined;

  constructor(private readonly mentions: PageMentions, private readonly callbacks: CardCallbacks) {}

  get current(): PageMention | undefined {
    return this.real?.current;
  }

  get host(): HTMLElement | undefined {
    return this.real?.host;
  }

  preload(): Promise<CardSurface> {
    this.loading ??= (import(/* @vite-ignore */ browser.runtime.getURL('card.js')) as Promise<CardModule>).then(
      (mod) => {
        this.module = mod;
        return (this.real = new mod.CardView(this.mentions, this.callbacks, send, uiApi));
      },
      (err: unknown) => {
        this.loading = undefined;
        throw err;
      },
    );
    return this.loading;
  }

  open(pm: PageMention, options?: OpenOptions): void {
    if (this.real) return this.real.open(pm, options);
    this.wanted = [pm, options];
    this.preload()
      .then((card) => {
        if (this.wanted?.[0] !== pm) return;
        this.wanted = undefined;
        card.open(pm, options);
      })
      .catch((err: unknown) => console.warn('[Dramatis] the card could not load:', err instanceof Error ? err.message : err));
  }

  /** The note panel (toolbar and editors), loading the module if need be. */
  async panel(): Promise<import('./panel/panel').NotePanel> {
    await this.preload();
    this.panelInstance ??= new this.module!.NotePanel(uiApi);
    return this.panelInstance;
  }

  /** The panel if it is already loaded (no load on this path). */
  get loadedPanel(): import('./panel/panel').NotePanel | undefined {
    return this.panelInstance;
  }

  close(): void {
    this.wanted = undefined;
    this.real?.close();
  }

  refresh(id: string): void {
    this.real?.refresh(id);
  }
}
