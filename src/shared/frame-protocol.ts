/**
 * The content script and the notes frame (src/frame, notes-frame.html, an extension page inside the
 * closed shadow root of our host). Everything of the reader's that the page must not see is shown
 * and typed there: a page cannot read a cross-origin frame's DOM, see its key events, or find its
 * text with window.find.
 *
 * The channel: the content script creates the frame with a random token in its URL fragment (the
 * page cannot read the src of an element in a closed root, nor a cross-origin frame's location),
 * and once it loads posts { [FRAME_HELLO]: token } with a MessagePort; everything after goes over
 * that port, which the page never holds. The frame reads nothing from the background: what it shows
 * comes over the port, and it only writes (notes.save, personal.save). So a frame a page embeds
 * itself (notes-frame.html is web-accessible) shows and tells nothing of the reader's.
 */
import type { CardEntity } from '../core/index/format';
import type { Note } from '../core/notes/model';
import type { NoteSummary } from '../core/protocol/messages';

export const FRAME_PAGE = 'notes-frame.html';
export const FRAME_HELLO = 'dramatisFrame';

/** What the frame shows. */
export type FrameView =
  /** A noted passage's note, read-only, with "Edit". */
  | { view: 'note'; note: Note }
  /** The "your notes" part of a dataset entity's card: count, latest, "Add note". */
  | { view: 'entity-notes'; notes?: NoteSummary; canAdd: boolean }
  /** A tracked name's card: the whole card is the reader's own. */
  | { view: 'personal'; entity: CardEntity; notes?: NoteSummary; canAdd: boolean }
  /** Writing a note: `note` is the draft (a new one has empty text) saved with the reader's text and tags. */
  | { view: 'editor'; note: Note; isNew: boolean }
  /** "Track this name", starting from the selected text. */
  | { view: 'track'; initialName: string };

export type ToFrame = { type: 'show'; view: FrameView };

/** What the frame tells the content script: never the reader's text, only what to do next. */
export type FromFrame =
  | { type: 'size'; height: number }
  | { type: 'close' }
  | { type: 'saved'; noteId: string }
  | { type: 'tracked' }
  | { type: 'add-note' }
  | { type: 'edit' };
