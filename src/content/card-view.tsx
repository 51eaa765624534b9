/**
 * Shows and hides the hover card for a mention, inside the closed shadow root of the UI host.
 * Bundled into card.js, which the content script loads on the first hover (see card-loader.ts).
 * Positioned by @floating-ui/dom against the line of the name under the pointer: it flips at the
 * viewport's edges and follows scrolling. On narrow screens the card is a sheet along the bottom.
 */
import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { render } from 'preact';
import { isCardEntity } from '../core/index/format';
import type { CardDetails } from '../core/protocol/messages';
import type { CardCallbacks, CardSurface, OpenOptions, Send } from './card-api';
import cardCss from './card/card.css';
import { HoverCard } from './card/HoverCard';
import { NoteCard } from './card/NoteCard';
import type { PageMention, PageMentions } from './mentions';
import type { UiApi, UiHost } from './ui-host';

const SHEET_BELOW_PX = 560;

export class CardView implements CardSurface {
  private ui: UiHost | undefined;
  private cleanup: (() => void) | undefined;
  private restoreFocus: HTMLElement | undefined;
  private details = new Map<string, CardDetails>();
  private generation = 0;
  current: PageMention | undefined;

  constructor(private readonly mentions: PageMentions, private readonly callbacks: CardCallbacks, private readonly send: Send, private readonly uiApi: UiApi) {}

  get host(): HTMLElement | undefined {
    return this.ui?.host;
  }

  open(pm: PageMention, options: OpenOptions = {}): void {
    this.cleanup?.();
    if (options.focus && !this.restoreFocus) {
      const active = document.activeElement;
      this.restoreFocus = active instanceof HTMLElement && active !== this.ui?.host ? active : undefined;
    }
    this.ui = this.uiApi.attach(cardCss, 'card');
    this.current = pm;
    this.pointer = options.pointer;
    this.placed = undefined;
    this.wantFocus = options.focus === true;
    const generation = ++this.generation;
    this.draw(pm);
    if (pm.id && !pm.noteId && !this.details.has(pm.id)) {
      const id = pm.id;
      const onPage = [...new Set(this.mentions.all.flatMap((m) => (m.id ? [m.id] : [])))];
      this.send({ type: 'card.details', id, onPage })
        .then((details) => {
          this.details.set(id, details);
          if (this.generation === generation && this.current === pm) this.draw(pm);
        })
        .catch((err: unknown) => console.warn('[Dramatis]', err instanceof Error ? err.message : err));
    }
  }

  /** Forgets cached details (after the reader adds a note, say) and redraws. */
  refresh(id: string): void {
    this.details.delete(id);
    if (this.current?.id === id) this.open(this.current);
  }

  close(): void {
    if (!this.ui) return;
    this.cleanup?.();
    this.cleanup = undefined;
    render(null, this.ui.mount('card'));
    this.uiApi.release('card');
    this.ui = undefined;
    this.current = undefined;
    const back = this.restoreFocus;
    this.restoreFocus = undefined;
    if (back?.isConnected) back.focus({ preventScroll: true });
  }

  private cardElement(): HTMLElement | null {
    return (this.ui?.mount('card').firstElementChild as HTMLElement | null) ?? null;
  }

  private pointer: { x: number; y: number } | undefined;
  /** The card element the position is attached to (a redraw can replace it). */
  private placed: HTMLElement | undefined;
  private wantFocus = false;

  /** After each draw: attach positioning to the card element if it is new, and focus it if asked. */
  private afterDraw(pm: PageMention): void {
    const card = this.cardElement();
    if (!card || card === this.placed) return;
    this.cleanup?.();
    this.placed = card;
    this.place(pm, card, this.pointer);
    if (this.wantFocus) {
      card.focus({ preventScroll: true });
      this.wantFocus = false;
    }
  }

  private draw(pm: PageMention): void {
    this.paint(pm);
    this.afterDraw(pm);
  }

  private paint(pm: PageMention): void {
    if (!this.ui) return;
    if (pm.noteId) {
      const note = this.callbacks.noteFor?.(pm.noteId);
      const onEdit = note && this.callbacks.onEditNote ? () => this.callbacks.onEditNote!(note) : undefined;
      render(note ? <NoteCard note={note} onEdit={onEdit} /> : null, this.ui.mount('card'));
      return;
    }
    const known = pm.id ? this.mentions.entities.get(pm.id) : undefined;
    const entity = known && isCardEntity(known) ? known : undefined;
    if (known && !entity) {
      // Detected before the background had its card texts: fetch this one, then draw.
      void this.send({ type: 'entities.get', ids: [known.id] }).then(([full]) => {
        if (!full) return;
        this.mentions.entities.set(full.id, full);
        if (this.current === pm) this.draw(pm);
      });
      return;
    }
    const candidates = (pm.candidates ?? []).flatMap((id) => this.mentions.entities.get(id) ?? []);
    const onAddNote = this.callbacks.onAddNote && pm.id ? () => this.callbacks.onAddNote!(pm.id!) : undefined;
    render(
      <HoverCard
        entity={entity}
        candidates={candidates}
        details={pm.id ? this.details.get(pm.id) : undefined}
        pageYears={this.callbacks.pageYears()}
        sheet={isNarrow()}
        onChoose={(id) => this.callbacks.onChoose(pm, id)}
        onShowRelated={(id) => this.callbacks.onShowRelated(id)}
        onAddNote={onAddNote}
      />,
      this.ui.mount('card'),
    );
  }

  private place(pm: PageMention, card: HTMLElement, pointer?: { x: number; y: number }): void {
    if (isNarrow()) return; // the sheet is placed by CSS
    const rects = [...pm.range.getClientRects()];
    const line = pointer ? Math.max(0, rects.findIndex((r) => pointer.y >= r.top - 2 && pointer.y <= r.bottom + 2)) : 0;
    const reference: VirtualElement = {
      getBoundingClientRect: () => pm.range.getClientRects()[line] ?? pm.range.getBoundingClientRect(),
      contextElement: pm.range.startContainer.parentElement ?? undefined,
    };
    const update = () => {
      void computePosition(reference, card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(8),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          // Never taller than the room on the chosen side: the card scrolls inside instead.
          size({ padding: 8, apply: ({ availableHeight, elements }) => { elements.floating.style.maxHeight = `${Math.max(160, Math.floor(availableHeight))}px`; } }),
        ],
      }).then(({ x, y }) => {
        card.style.left = `${Math.round(x)}px`;
        card.style.top = `${Math.round(y)}px`;
      });
    };
    this.cleanup = autoUpdate(reference, card, update, { animationFrame: false });
  }
}

function isNarrow(): boolean {
  return (document.documentElement.clientWidth || window.innerWidth) < SHEET_BELOW_PX;
}
