/**
 * The one way every part of Dramatis saves a note. A service worker that is stopping or starting
 * cannot answer for a moment: the save is sent again with growing pauses until the background
 * acknowledges it, for up to SAVE_DEADLINE_MS. The note's id, made by the writer, makes every
 * resend harmless. A refusal (invalid, quota) is final.
 */
import type { Note } from '../core/notes/model';
import { sendPatiently } from './messaging';

export const SAVE_DEADLINE_MS = 15_000;

export function saveNote(note: Note, deadlineMs = SAVE_DEADLINE_MS): Promise<Note> {
  return sendPatiently({ type: 'notes.save', note }, deadlineMs);
}
