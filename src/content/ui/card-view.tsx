/**
 * Shows and hides the hover card for a name or a noted passage, inside the closed shadow root of
 * the UI host. Part of ui.js, which the content script loads on the first hover (see ui-loader.ts).
 * Positioned by @floating-ui/dom against the line of the name under the pointer: it flips at the
 * viewport's edges and follows scrolling. On narrow screens the card is a sheet along the bottom.
 */
import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { render } from 'preact';
import { isCardEntity } from '../../core/index/format';
import { PERSONAL_PREFIX } from '../../core/personal';
import type { CardDetails } from '../../core/protocol/messages';
import type { FrameView, FromFrame } from '../../shared/frame-protocol';
import { t } from '../../shared/i18n';
import { isPassage, type CardTarget } from '../hit-test';
import type { CardContext, CardSurface, OpenOptions, Send } from '../ui-contract';
import type { UiApi, UiHost } from '../ui-host';
import { CardCorrection } from './CardCorrection';
import { FrameCard } from './FrameCard';
import { FrameSlot } from './FrameSlot';
import { HoverCard } from './HoverCard';
import { PackPassageCard } from './packs/PackPassageCard';
import uiCss from './ui.css';
import { traceSpan, traceStart } from '../../shared/trace';

const SHEET_BELOW_PX = 560;

export class CardView implements CardSurface {
  private ui: UiHost | undefined;
  private cleanup: (() => void) | undefined;
  private restoreFocus: HTMLElement | undefined;
  private details = new Map<string, CardDetails>();
  private generation = 0;
  current: CardTarget | undefined;

  constructor(
    private readonly context: CardContext,
    private readonly send: Send,
    private readonly uiApi: UiApi,
  ) {}

  open(pm: CardTarget, options: OpenOptions = {}): void {
    this.cleanup?.();
    if (options.focus && !this.restoreFocus) {
      const active = document.activeElement;
      this.restoreFocus = active instanceof HTMLElement && active !== this.ui?.host ? active : undefined;
    }
    this.ui = this.uiApi.attach(uiCss, 'card');
    this.current = pm;
    this.pointer = options.pointer;
    this.placed = undefined;
    this.wantFocus = options.focus === true;
    const generation = ++this.generation;
    this.draw(pm);
    if (!isPassage(pm) && pm.id && !this.details.has(pm.id)) {
      const id = pm.id;
      this.send({ type: 'card.details', id, onPage: this.context.linkedIds() })
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
    if (this.current && !isPassage(this.current) && this.current.id === id) this.open(this.current);
  }

  close(): void {
    if (!this.ui) return;
    const started = traceStart();
    this.cleanup?.();
    this.cleanup = undefined;
    render(null, this.ui.mount('card'));
    this.uiApi.release('card');
    this.ui = undefined;
    this.current = undefined;
    const back = this.restoreFocus;
    this.restoreFocus = undefined;
    if (back?.isConnected) back.focus({ preventScroll: true });
    traceSpan('card close', started);
  }

  private cardElement(): HTMLElement | null {
    return (this.ui?.mount('card').firstElementChild as HTMLElement | null) ?? null;
  }

  private pointer: { x: number; y: number } | undefined;
  /** The card element the position is attached to (a redraw can replace it). */
  private placed: HTMLElement | undefined;
  private wantFocus = false;

  /** After each draw: attach positioning to the card element if it is new, and focus it if asked. */
  private afterDraw(pm: CardTarget): void {
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

  private draw(pm: CardTarget): void {
    this.paint(pm);
    this.afterDraw(pm);
  }

  private paint(pm: CardTarget): void {
    if (!this.ui) return;
    const generation = this.generation;
    if (isPassage(pm) && pm.fromPack) {
      // A reference pack's note: the pack author's text, read-only, in the closed root (no frame, no Edit).
      const packNote = this.context.packNoteFor(pm.noteId);
      render(packNote ? <PackPassageCard note={packNote} sheet={isNarrow()} /> : null, this.ui.mount('card'));
      return;
    }
    if (isPassage(pm)) {
      const note = this.context.noteFor(pm.noteId);
      const onEvent = (event: FromFrame) => {
        if (event.type === 'edit' && note) this.context.onEditNote(note);
        if (event.type === 'close') this.close();
      };
      render(
        note ? <FrameCard label={t('frameCardNote')} view={this.frameView(pm, { view: 'note', note })} onEvent={onEvent} /> : null,
        this.ui.mount('card'),
      );
      return;
    }
    const known = pm.id ? this.context.entity(pm.id) : undefined;
    const entity = known && isCardEntity(known) ? known : undefined;
    if (known && !entity) {
      // Detected before the background had its card texts: fetch this one, then draw.
      void this.send({ type: 'entities.get', ids: [known.id] }).then(([full]) => {
        if (!full) return;
        this.context.upgradeEntity(full);
        if (this.current === pm) this.draw(pm);
      });
      return;
    }
    const candidates = (pm.candidates ?? []).flatMap((id) => this.context.entity(id) ?? []);
    const id = pm.id;
    const onAddNote = id ? () => this.context.onAddNote(id) : undefined;
    const surface = pm.range.toString().replace(/\s+/g, ' ').trim();
    const correction = (
      <CardCorrection
        why={pm.why}
        linked={entity !== undefined}
        surface={surface}
        formKey={pm.key}
        currentId={pm.id}
        send={this.send}
        onCorrect={(choice) => this.context.onCorrect(pm, choice)}
      />
    );
    const details = id ? this.details.get(id) : undefined;
    const onEvent = (event: FromFrame) => {
      if (event.type === 'add-note') onAddNote?.();
      if (event.type === 'close') this.close();
    };
    if (entity && entity.id.startsWith(PERSONAL_PREFIX)) {
      // A tracked name: its name, description and notes are all the reader's own.
      const view = this.frameView(pm, { view: 'personal', entity, notes: details?.notes, canAdd: true });
      render(<FrameCard label={t('frameCardTracked')} view={view} onEvent={onEvent} />, this.ui.mount('card'));
      return;
    }
    const notesView = this.frameView(pm, { view: 'entity-notes', notes: details?.notes, canAdd: onAddNote !== undefined });
    render(
      <HoverCard
        // A new card for each opening: the correction panel's state belongs to one mention.
        key={generation}
        correction={correction}
        entity={entity}
        candidates={candidates}
        details={details}
        pageYears={this.context.pageYears()}
        sheet={isNarrow()}
        onChoose={(chosen) => this.context.onChoose(pm, chosen)}
        onShowRelated={(related) => this.context.onShowRelated(related)}
        notes={entity && <FrameSlot title={t('frameNotesTitle')} view={notesView} onEvent={onEvent} />}
      />,
      this.ui.mount('card'),
    );
  }

  /** The last view sent per target and kind, so a redraw with nothing new sends nothing to the frame. */
  private lastView: { pm: CardTarget; key: string; view: FrameView } | undefined;

  private frameView(pm: CardTarget, view: FrameView): FrameView {
    const key = JSON.stringify(view);
    if (this.lastView?.pm === pm && this.lastView.key === key) return this.lastView.view;
    this.lastView = { pm, key, view };
    return view;
  }

  private place(pm: CardTarget, card: HTMLElement, pointer?: { x: number; y: number }): void {
    if (isNarrow()) return; // the sheet is placed by CSS
    const rects = [...pm.range.getClientRects()];
    const line = pointer
      ? Math.max(
          0,
          rects.findIndex((r) => pointer.y >= r.top - 2 && pointer.y <= r.bottom + 2),
        )
      : 0;
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
          size({
            padding: 8,
            apply: ({ availableHeight, elements }) => {
              elements.floating.style.maxHeight = `${Math.max(160, Math.floor(availableHeight))}px`;
            },
          }),
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
