/**
 * What the content script and the lazily loaded UI bundle (ui.js, src/content/ui/) know of each
 * other. Types only: the two are separate bundles, so values cross through these interfaces.
 */
import type { CorrectionScope } from '../core/corrections';
import type { CardEntity, MatchEntity } from '../core/index/format';
import type { Note } from '../core/notes/model';
import type { Request, RequestOf, Responses } from '../core/protocol/messages';
import type { CardTarget } from './hit-test';
import type { PageMention } from './mentions';
import type { UiApi } from './ui-host';
import type { NoteEditorProps } from './ui/NoteEditor';
import type { SelectionToolbarProps } from './ui/SelectionToolbar';
import type { TrackNameFormProps } from './ui/TrackNameForm';

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
  onEditNote(note: Note): void;
}

export type Send = <K extends Request['type']>(message: RequestOf<K>) => Promise<Responses[K]>;

export interface CardSurface {
  readonly current: CardTarget | undefined;
  open(target: CardTarget, options?: OpenOptions): void;
  close(): void;
  refresh(id: string): void;
}

/** The note-taking UI: the selection toolbar and the editors. */
export interface PanelSurface {
  readonly kind: 'toolbar' | 'editor' | undefined;
  showToolbar(rect: DOMRect, props: SelectionToolbarProps): void;
  editNote(rect: DOMRect, props: NoteEditorProps): void;
  trackName(rect: DOMRect, props: TrackNameFormProps): void;
  close(): void;
}

/** What ui.js exports. */
export interface UiModule {
  createCard(context: CardContext, send: Send, ui: UiApi): CardSurface;
  createPanel(ui: UiApi): PanelSurface;
}
