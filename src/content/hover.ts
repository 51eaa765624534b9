/**
 * Hover intent, as readers know it from Wikipedia's page previews: a card opens after the pointer
 * rests on a name for OPEN_DELAY, stays while the pointer travels into it, and closes CLOSE_DELAY
 * after the pointer leaves both. Escape and a click elsewhere close it; selecting text never opens one.
 */
import type { CardTarget } from './hit-test';
import { isFromUi } from './ui-host';
import type { LazyUi } from './ui-loader';

/** What HoverController needs of the card: the lazily loaded UI, or a stand-in in tests. */
export type HoverCard = Pick<LazyUi, 'current' | 'open' | 'close' | 'preload' | 'prefetch'>;

export const OPEN_DELAY = 400;
export const CLOSE_DELAY = 300;

/** The reader's card trigger: how long the pointer rests before a card opens, and whether cards may open now. */
export interface HoverTrigger {
  delay(): number;
  /** False while the trigger is "only while the modifier key is held" and the key is up. */
  allowed(): boolean;
}

const ALWAYS: HoverTrigger = { delay: () => OPEN_DELAY, allowed: () => true };

export class HoverController {
  private pending: CardTarget | undefined;
  private openTimer = 0;
  private closeTimer = 0;
  private frame = 0;
  private last = { x: 0, y: 0 };
  private insideCard = false;

  /** Stops the listeners of the current start(); each start has its own. */
  private listening: AbortController | undefined;

  /** `at` is the hit test (see hit-test.ts): what is painted under a point. */
  constructor(
    private readonly at: (x: number, y: number) => CardTarget | undefined,
    private readonly card: HoverCard,
    private readonly trigger: HoverTrigger = ALWAYS,
  ) {}

  /** The trigger may have changed (the modifier key went down): look again at what is under the pointer. */
  poke(): void {
    if (this.listening && !this.insideCard) this.evaluate();
  }

  /** Listens until stop() or until `session` aborts, whichever comes first. */
  start(session: AbortSignal): void {
    if (this.listening || session.aborted) return;
    const listening = (this.listening = new AbortController());
    session.addEventListener('abort', () => this.stop(), { once: true, signal: listening.signal });
    const signal = listening.signal;
    document.addEventListener('pointermove', this.onMove, { passive: true, capture: true, signal });
    document.addEventListener('pointerup', this.onTap, { passive: true, capture: true, signal });
    document.addEventListener('pointerdown', this.onDown, { passive: true, capture: true, signal });
    document.addEventListener('keydown', this.onKey, { capture: true, signal });
    window.addEventListener('scroll', this.onScroll, { passive: true, capture: true, signal });
  }

  stop(): void {
    this.listening?.abort();
    this.listening = undefined;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.cancel();
    this.card.close();
  }

  private readonly onMove = (event: PointerEvent): void => {
    if (event.pointerType === 'touch') return;
    this.last = { x: event.clientX, y: event.clientY };
    const inCard = isFromUi(event);
    if (inCard !== this.insideCard) {
      this.insideCard = inCard;
      if (inCard) {
        window.clearTimeout(this.closeTimer);
        this.closeTimer = 0;
      }
    }
    if (inCard) return;
    // One hit test per animation frame at most, whatever the pointer event rate.
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.evaluate();
    });
  };

  private evaluate(): void {
    const selecting = !(document.getSelection()?.isCollapsed ?? true);
    const pm = selecting || !this.trigger.allowed() ? undefined : this.at(this.last.x, this.last.y);
    if (pm && pm === this.card.current) {
      window.clearTimeout(this.closeTimer);
      this.closeTimer = 0;
      return;
    }
    if (pm !== this.pending) {
      window.clearTimeout(this.openTimer);
      this.pending = pm;
      if (pm) {
        // The pointer rests on a name: load the card code and its text now, while intent is confirmed.
        void this.card.preload().catch(() => undefined);
        this.card.prefetch(pm);
        this.openTimer = window.setTimeout(() => this.open(pm), this.trigger.delay());
      }
    }
    if (this.card.current && !this.closeTimer) {
      this.closeTimer = window.setTimeout(() => {
        this.closeTimer = 0;
        if (!this.insideCard) this.card.close();
      }, CLOSE_DELAY);
    }
  }

  private open(pm: CardTarget): void {
    window.clearTimeout(this.closeTimer);
    this.closeTimer = 0;
    this.card.open(pm, { pointer: this.last });
  }

  /**
   * Touch: a tap on a highlighted name opens its card at once (there is no hover). A tap on a name
   * inside a link is left to the link, so links keep working.
   */
  private readonly onTap = (event: PointerEvent): void => {
    if (event.pointerType !== 'touch' || isFromUi(event)) return;
    if (event.target instanceof Element && event.target.closest('a[href]')) return;
    if (!(document.getSelection()?.isCollapsed ?? true)) return;
    const pm = this.at(event.clientX, event.clientY);
    if (!pm) return;
    this.cancel();
    this.last = { x: event.clientX, y: event.clientY };
    this.card.open(pm, { pointer: this.last });
  };

  private readonly onDown = (event: PointerEvent): void => {
    if (isFromUi(event)) return;
    // A tap on a name reopens its card in onTap; closing first keeps one card at a time.
    this.cancel();
    this.card.close();
  };

  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.card.current) {
      this.cancel();
      this.card.close();
    }
  };

  private readonly onScroll = (): void => {
    window.clearTimeout(this.openTimer);
    this.pending = undefined;
  };

  private cancel(): void {
    window.clearTimeout(this.openTimer);
    window.clearTimeout(this.closeTimer);
    this.closeTimer = 0;
    this.pending = undefined;
  }
}
