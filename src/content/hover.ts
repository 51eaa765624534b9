/**
 * Hover intent, as readers know it from Wikipedia's page previews: a card opens after the pointer
 * rests on a name for OPEN_DELAY, stays while the pointer travels into it, and closes CLOSE_DELAY
 * after the pointer leaves both. Escape and a click elsewhere close it; selecting text never opens one.
 */
import { mentionAtPoint } from './hit-test';
import type { CardView } from './card-view';
import type { PageMention, PageMentions } from './mentions';
import { isFromUi } from './ui-host';

export const OPEN_DELAY = 400;
export const CLOSE_DELAY = 300;

export class HoverController {
  private pending: PageMention | undefined;
  private openTimer = 0;
  private closeTimer = 0;
  private frame = 0;
  private last = { x: 0, y: 0 };
  private insideCard = false;

  constructor(private readonly mentions: PageMentions, private readonly card: CardView) {}

  start(): void {
    document.addEventListener('pointermove', this.onMove, { passive: true, capture: true });
    document.addEventListener('pointerdown', this.onDown, { passive: true, capture: true });
    document.addEventListener('keydown', this.onKey, { capture: true });
    window.addEventListener('scroll', this.onScroll, { passive: true, capture: true });
  }

  stop(): void {
    document.removeEventListener('pointermove', this.onMove, { capture: true });
    document.removeEventListener('pointerdown', this.onDown, { capture: true });
    document.removeEventListener('keydown', this.onKey, { capture: true });
    window.removeEventListener('scroll', this.onScroll, { capture: true });
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
    const pm = selecting ? undefined : mentionAtPoint(this.mentions, this.last.x, this.last.y);
    if (pm && pm === this.card.current) {
      window.clearTimeout(this.closeTimer);
      this.closeTimer = 0;
      return;
    }
    if (pm !== this.pending) {
      window.clearTimeout(this.openTimer);
      this.pending = pm;
      if (pm) this.openTimer = window.setTimeout(() => this.open(pm), OPEN_DELAY);
    }
    if (this.card.current && !this.closeTimer) {
      this.closeTimer = window.setTimeout(() => {
        this.closeTimer = 0;
        if (!this.insideCard) this.card.close();
      }, CLOSE_DELAY);
    }
  }

  private open(pm: PageMention): void {
    window.clearTimeout(this.closeTimer);
    this.closeTimer = 0;
    this.card.open(pm, this.last);
  }

  private readonly onDown = (event: PointerEvent): void => {
    if (isFromUi(event)) return;
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
