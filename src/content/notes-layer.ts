/**
 * Margin notes in the page: passage notes re-anchored and highlighted on load (orphans kept aside,
 * never dropped), the enabled reference packs' notes on passages of this page (anchored the same
 * way, read-only, kept apart from the reader's: never in `notes`, so never in the page summary or
 * an export), the selection toolbar ("Add note", "Track this name"), and the editors for
 * passage, entity and page notes. The UI itself loads with ui.js on first need; the editors are in
 * the notes frame, which saves the note itself (so the reader's text never passes through the page).
 */
import { newNoteId, pageKey, type EntityNote, type Note, type PassageNote } from '../core/notes/model';
import type { PackPassageNote } from '../core/packs/passages';
import { send } from '../shared/messaging';
import { PageTextMap } from './page-text-map';
import type { NotedPassages } from './passages';
import type { UiModule } from './ui-contract';
import type { LazyUi } from './ui-loader';
import { isFromUi } from './ui-host';

const SELECTION_DELAY = 250;

type Anchoring = Pick<UiModule, 'anchorPassage' | 'describePassage'>;

export class NotesLayer {
  readonly notes = new Map<string, Note>();
  /** Passage notes whose text could not be found on the page any more. */
  orphans: PassageNote[] = [];
  /** The enabled packs' notes on this page's passages that were found on it, by id. */
  readonly packNotes = new Map<string, PackPassageNote>();
  private model: PageTextMap | undefined;
  private selectionTimer = 0;

  constructor(
    private readonly passages: NotedPassages,
    private readonly card: LazyUi,
    private readonly onEntityNote: (entityId: string) => void,
    private readonly onTracked: () => void,
  ) {}

  private page() {
    return { url: pageKey(location.href), title: document.title.trim() };
  }

  private textModel(): PageTextMap {
    this.model ??= PageTextMap.build();
    return this.model;
  }

  /**
   * Loads this page's notes and the packs' notes on its passages, and highlights their passages
   * (again: a reload replaces what was there, so a pack turned off takes its notes away). The
   * packs' notes are asked for apart: a failure there never keeps the reader's own from showing.
   */
  async load(): Promise<void> {
    const [notes, packNotes] = await Promise.all([
      send({ type: 'notes.forPage', url: location.href }),
      send({ type: 'packs.notesForPage', url: location.href }).catch((err: unknown) => {
        console.warn('[Dramatis]', err instanceof Error ? err.message : err);
        return [] as PackPassageNote[];
      }),
    ]);
    // Anchoring loads with ui.js, and only when there is a passage to find: most pages have none.
    const anchoring = notes.some((n) => n.kind === 'passage') || packNotes.length > 0 ? await this.anchoring() : undefined;
    for (const id of this.notes.keys()) this.passages.remove(id);
    for (const id of this.packNotes.keys()) this.passages.remove(id);
    this.notes.clear();
    this.packNotes.clear();
    this.orphans = [];
    for (const n of notes) {
      this.notes.set(n.id, n);
      // Without the anchoring code (ui.js failed to load) a note is not shown, but it is no orphan either.
      if (n.kind === 'passage' && anchoring && !this.place(anchoring, n.id, n.target)) this.orphans.push(n);
    }
    // A pack's passage no longer on the page is not listed: the note is the pack's, not the reader's.
    if (anchoring) for (const n of packNotes) if (this.place(anchoring, n.id, n.target, true)) this.packNotes.set(n.id, n);
  }

  /** The anchoring functions of ui.js, or undefined (with a warning) when it cannot be loaded. */
  private async anchoring(): Promise<Anchoring | undefined> {
    try {
      return await this.card.preload();
    } catch (err) {
      console.warn('[Dramatis]', err instanceof Error ? err.message : err);
      return undefined;
    }
  }

  private place(anchoring: Anchoring, id: string, target: PassageNote['target'], fromPack = false): boolean {
    const model = this.textModel();
    const anchor = anchoring.anchorPassage(model.text, target);
    const range = anchor ? model.rangeAt(anchor.start, anchor.end) : undefined;
    if (!range) return false;
    this.passages.add(id, range, fromPack);
    return true;
  }

  /** Offers the selection toolbar until `session` aborts. */
  start(session: AbortSignal): void {
    document.addEventListener('selectionchange', this.onSelection, { signal: session });
    document.addEventListener('pointerdown', this.onPointerDown, { capture: true, passive: true, signal: session });
    session.addEventListener('abort', () => window.clearTimeout(this.selectionTimer), { once: true });
  }

  private readonly onPointerDown = (event: PointerEvent): void => {
    const panel = this.card.loadedPanel;
    if (panel?.kind === 'toolbar' && !isFromUi(event)) panel.close();
  };

  private readonly onSelection = (): void => {
    window.clearTimeout(this.selectionTimer);
    this.selectionTimer = window.setTimeout(() => void this.offerToolbar(), SELECTION_DELAY);
  };

  /** The selection as a range over page text, or undefined when it is not in page text. */
  private selectedPassage(): { range: Range; start: number; end: number; text: string } | undefined {
    const sel = document.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return undefined;
    const range = sel.getRangeAt(0);
    const text = range.toString();
    if (text.trim().length === 0 || text.length > 20_000) return undefined;
    this.model = PageTextMap.build(); // the page may have changed since the last note
    const start = this.model.offsetOf(range.startContainer, range.startOffset);
    const end = this.model.offsetOf(range.endContainer, range.endOffset);
    if (start === undefined || end === undefined || end <= start) return undefined;
    return { range, start, end, text };
  }

  private async offerToolbar(): Promise<void> {
    const panel = this.card.loadedPanel;
    if (panel?.kind === 'editor') return; // the reader is typing a note
    const passage = this.selectedPassage();
    if (!passage) {
      if (panel?.kind === 'toolbar') panel.close();
      return;
    }
    const rect = lastRect(passage.range);
    const looksLikeName = /^\s*\p{Lu}[\p{L}.'’ -]{1,80}\s*$/u.test(passage.text) && passage.text.trim().split(/\s+/).length <= 6;
    (await this.card.panel()).showToolbar(rect, {
      onAddNote: () => void this.addPassageNote(passage, rect),
      onTrack: looksLikeName ? () => void this.trackName(passage.text.trim(), rect) : undefined,
    });
  }

  private async addPassageNote(passage: { start: number; end: number; text: string }, rect: DOMRect): Promise<void> {
    const [panel, anchoring] = await Promise.all([this.card.panel(), this.card.preload()]);
    const now = Date.now();
    const draft: PassageNote = {
      id: newNoteId(),
      kind: 'passage',
      text: '',
      tags: [],
      created: now,
      updated: now,
      page: this.page(),
      target: anchoring.describePassage(this.textModel().text, passage.start, passage.end),
    };
    panel.editNote(rect, {
      note: draft,
      isNew: true,
      onClose: () => panel.close(),
      onSaved: () => {
        panel.close();
        document.getSelection()?.removeAllRanges();
        this.model = undefined;
        void this.load();
      },
    });
  }

  /** The editor for an entity note (from a card's "Add note"). */
  async addEntityNote(entityId: string, entityName: string, rect: DOMRect): Promise<void> {
    const panel = await this.card.panel();
    const now = Date.now();
    const draft: EntityNote = {
      id: newNoteId(),
      kind: 'entity',
      text: '',
      tags: [],
      created: now,
      updated: now,
      entityId,
      entityName,
      page: this.page(),
    };
    panel.editNote(rect, {
      note: draft,
      isNew: true,
      onClose: () => panel.close(),
      onSaved: () => {
        panel.close();
        this.onEntityNote(entityId);
      },
    });
  }

  /** Editing an existing note (from a passage's card). */
  async editNote(note: Note, rect: DOMRect): Promise<void> {
    const panel = await this.card.panel();
    panel.editNote(rect, {
      note,
      isNew: false,
      onClose: () => panel.close(),
      onSaved: () => {
        panel.close();
        void this.load();
      },
    });
  }

  private async trackName(name: string, rect: DOMRect): Promise<void> {
    const panel = await this.card.panel();
    panel.trackName(rect, {
      initialName: name,
      onClose: () => panel.close(),
      onTracked: () => {
        panel.close();
        document.getSelection()?.removeAllRanges();
        this.onTracked();
      },
    });
  }
}

function lastRect(range: Range): DOMRect {
  const rects = range.getClientRects();
  return rects[rects.length - 1] ?? range.getBoundingClientRect();
}
