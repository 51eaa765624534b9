/**
 * The one way every part of Dramatis saves a note. A service worker that is stopping or starting
 * cannot answer for a moment ("Receiving end does not exist", a closed channel): the save is sent
 * again with growing pauses until the background acknowledges it, for up to SAVE_DEADLINE_MS. The
 * note's id, made by the writer, makes every resend harmless. A refusal (invalid, quota) is final.
 */
import type { Note } from '../core/notes/model';
import { codeOf, send } from './messaging';

export const SAVE_DEADLINE_MS = 15_000;
const FIRST_PAUSE_MS = 50;
const LONGEST_PAUSE_MS = 1_000;

export async function saveNote(note: Note, deadlineMs = SAVE_DEADLINE_MS): Promise<Note> {
  const deadline = Date.now() + deadlineMs;
  let pause = FIRST_PAUSE_MS;
  for (;;) {
    try {
      return await send({ type: 'notes.save', note });
    } catch (err) {
      if (codeOf(err) !== 'unavailable' || Date.now() + pause > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
    }
  }
}
