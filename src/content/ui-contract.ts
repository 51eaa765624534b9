/**
 * What the content script and the lazily loaded UI bundle (ui.js, src/content/ui/) know of each
 * other. Types only: the two are separate bundles, so values cross through these interfaces.
 */
import type { AnchoredSurface } from './giant-nodes';
import type { CorrectionScope } from '../core/corrections';
import type { CardEntity, MatchEntity } from '../core/index/format';
import type { anchorPassage, describePassage } from '../core/notes/anchor';
import type { Note } from '../core/notes/model';
import type { PackPassageNote } from '../core/packs/passages';
import type { Request, RequestOf, Responses } from '../core/protocol/messages';
import type { CardTarget } from './hit-test';
import type { PageMention } from './mentions';
import type { UiApi } from './ui-host';
import type { SelectionToolbarProps } from './ui/SelectionToolbar';

export interface OpenOptions {
  /** Where the pointer was, to anchor on the line of a name that wraps. */
  pointer?: { x: number; y: number };
  /** Move keyboard focus into the card (and give it back on close). */
  focus?: boolean;
}

/** What the reader said in "Not this?": which entity the form names (null: not a name here), and where. */
export interface CorrectionChoice {
  /** The form's key as the matcher folds it (from names.search, or the ambiguous mention's own). */
  key: string;
  scope: CorrectionScope;
  entityId: string | null;
  entityName?: string;
}

/** What the card reads of the page and what it asks the page to do. */
export interface CardContext {
  entity(id: string): CardEntity | MatchEntity | undefined;
  upgradeEntity(entity: CardEntity): void;
  linkedIds(): string[];
  pageYears(): [number, number] | undefined;
  onChoose(pm: PageMention, id: string): void;
  /** Stores the reader's correction and re-resolves the page's names; rejects if it was not saved. */
  onCorrect(pm: PageMention, choice: CorrectionChoice): Promise<void>;
  onShowRelated(id: string): void;
  onAddNote(entityId: string): void;
  /** The note behind a highlighted passage. */
  noteFor(noteId: string): Note | undefined;
  /** A reference pack's note behind a highlighted passage (read-only). */
  packNoteFor(noteId: string): PackPassageNote | undefined;
  onEditNote(note: Note): void;
}

export type Send = <K extends Request['type']>(message: RequestOf<K>) => Promise<Responses[K]>;

export interface CardSurface {
  readonly current: CardTarget | undefined;
  open(target: CardTarget, options?: OpenOptions): void;
  close(): void;
  refresh(id: string): void;
}

/** A note to write in the notes frame: `note` is the draft (empty text when new); the frame saves it itself. */
export interface EditNoteRequest {
  note: Note;
  isNew: boolean;
  /** The background acknowledged the save. */
  onSaved(noteId: string): void;
  onClose(): void;
}

/** "Track this name" in the notes frame, which saves the tracked name itself. */
export interface TrackNameRequest {
  initialName: string;
  onTracked(): void;
  onClose(): void;
}

/** The note-taking UI: the selection toolbar and the editors (in the notes frame). */
export interface PanelSurface {
  readonly kind: 'toolbar' | 'editor' | undefined;
  showToolbar(rect: DOMRect, props: SelectionToolbarProps): void;
  editNote(rect: DOMRect, request: EditNoteRequest): void;
  trackName(rect: DOMRect, request: TrackNameRequest): void;
  close(): void;
}

/** What ui.js exports. */
export interface UiModule {
  createCard(context: CardContext, send: Send, ui: UiApi): CardSurface;
  createPanel(ui: UiApi): PanelSurface;
  /** The marks of names inside giant text nodes (anchored-marks.ts; see giant-nodes.ts). */
  createAnchoredMarks(ui: UiApi): AnchoredSurface;
  /**
   * Finding a passage note's text again and describing a new one (core/notes/anchor with its fuzzy
   * search): only pages with notes, or a reader making one, need them, so they load with ui.js.
   */
  anchorPassage: typeof anchorPassage;
  describePassage: typeof describePassage;
}
