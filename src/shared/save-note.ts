/**
 * The one way every part of Dramatis saves a note. A service worker that is stopping or starting
 * cannot answer for a moment ("Could not establish connection", "message channel closed"): the save
 * is sent again with growing pauses until the background acknowledges it, for up to
 * SAVE_DEADLINE_MS. The note's id, made once by the writer, makes every resend harmless (a save
 * that landed but whose answer was lost is overwritten by the same note, never duplicated).
 * A refusal (invalid, quota, store-lost) is final and says what it is.
 *
 * The editor keeps the reader's text until this resolves; onStatus tells it what to show
 * ("Saving…", "Still saving…", or the failure with whether to offer copying or a backup).
 */
import { t } from './i18n';
import type { Note } from '../core/notes/model';
import { DramatisError, type ErrorCode } from '../core/protocol/errors';
import { codeOf, send } from './messaging';

export const SAVE_DEADLINE_MS = 30_000;
const FIRST_PAUSE_MS = 50;
const LONGEST_PAUSE_MS = 2_000;

export type SaveStatus =
  /** Sent; no answer yet. */
  | { state: 'saving' }
  /** The background did not answer (a worker restarting): trying again. */
  | { state: 'retrying'; attempt: number }
  | { state: 'saved' }
  | { state: 'failed'; failure: SaveFailure };

/** A save that did not land, in words, with what the reader can do about it. */
export interface SaveFailure {
  code: ErrorCode;
  message: string;
  /** Offer to copy the text (it is not stored anywhere yet). Always true: the draft is the reader's only copy. */
  offerCopy: true;
  /** Offer a backup (the disk or quota is full, or the store was found wiped). */
  offerBackup: boolean;
}

export interface SaveOptions {
  deadlineMs?: number;
  onStatus?: (status: SaveStatus) => void;
  /** For tests: how to wait between attempts. */
  sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What to tell the reader about an error from a save. */
export function saveFailure(err: unknown, deadlineMs = SAVE_DEADLINE_MS): SaveFailure {
  const code = codeOf(err);
  const message = err instanceof Error ? err.message : String(err);
  switch (code) {
    case 'unavailable':
    case 'busy':
      return {
        code,
        offerCopy: true,
        offerBackup: false,
        message: t('sharedSaveUnreachable', Math.round(deadlineMs / 1000)),
      };
    case 'quota':
    case 'store-lost':
      return { code, offerCopy: true, offerBackup: true, message };
    default:
      return { code, offerCopy: true, offerBackup: false, message: t('sharedSaveFailed', message) };
  }
}

/**
 * Saves a note, retrying while the background cannot answer, until it acknowledges or the deadline
 * passes. Resolves with the stored note; rejects with a DramatisError whose message the reader can act on.
 */
export async function saveNote(note: Note, options: SaveOptions | number = {}): Promise<Note> {
  const { deadlineMs = SAVE_DEADLINE_MS, onStatus, sleep = sleepFor } = typeof options === 'number' ? { deadlineMs: options } : options;
  const deadline = Date.now() + deadlineMs;
  let pause = FIRST_PAUSE_MS;
  onStatus?.({ state: 'saving' });
  for (let attempt = 1; ; attempt++) {
    try {
      const saved = await send({ type: 'notes.save', note });
      onStatus?.({ state: 'saved' });
      return saved;
    } catch (err) {
      const code = codeOf(err);
      const retryable = code === 'unavailable' || code === 'busy';
      if (!retryable || Date.now() + pause > deadline) {
        const failure = saveFailure(err, deadlineMs);
        onStatus?.({ state: 'failed', failure });
        throw new DramatisError(failure.code, failure.message);
      }
      onStatus?.({ state: 'retrying', attempt });
      await sleep(pause);
      // Growing pauses with jitter, so many tabs retrying after one restart do not arrive together.
      pause = Math.min(pause * 2, LONGEST_PAUSE_MS) * (0.75 + Math.random() * 0.5);
    }
  }
}
