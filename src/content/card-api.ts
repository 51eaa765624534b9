/** What the rest of the content script needs of the hover card (implemented in the lazily loaded card.js). */
import type { Request, RequestOf, Responses } from '../core/protocol/messages';
import type { Note } from '../core/notes/model';
import type { PageMention } from './mentions';

export interface OpenOptions {
  /** Where the pointer was, to anchor on the line of a name that wraps. */
  pointer?: { x: number; y: number };
  /** Move keyboard focus into the card (and give it back on close). */
  focus?: boolean;
}

export interface CardCallbacks {
  onChoose(pm: PageMention, id: string): void;
  onShowRelated(id: string): void;
  onAddNote?(entityId: string): void;
  pageYears(): [number, number] | undefined;
  /** The note behind a highlighted passage. */
  noteFor?(noteId: string): Note | undefined;
  onEditNote?(note: Note): void;
}

export type Send = <K extends Request['type']>(message: RequestOf<K>) => Promise<Responses[K]>;

export interface CardSurface {
  readonly current: PageMention | undefined;
  readonly host: HTMLElement | undefined;
  open(pm: PageMention, options?: OpenOptions): void;
  close(): void;
  refresh(id: string): void;
}
