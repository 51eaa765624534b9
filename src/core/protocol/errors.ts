/**
 * Errors that cross the message protocol carry a code the receiving code can act on, beside the
 * sentence a person reads. The code decides behaviour (retry, keep the draft, offer export); the
 * message is only ever shown.
 */
export const ERROR_CODES = [
  /** The message or its content failed validation; retrying the same thing will fail again. */
  'invalid',
  /** What was asked for does not exist (an unknown entity or note). */
  'not-found',
  /** The browser has no room left for Dramatis's data. */
  'quota',
  /** Nothing answered (a stopped or updating service worker); the same request may succeed later. */
  'unavailable',
  /** The sender may not ask this (a content script asking for the whole notebook or another page's notes). */
  'forbidden',
  /** Too much is already in flight from this tab; the same request may succeed once earlier ones finish. */
  'busy',
  /** Dramatis stopped writing because its database was found wiped or reopened empty (see the notebook). */
  'store-lost',
  /** Anything else that went wrong in the handler. */
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class DramatisError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DramatisError';
  }
}

/**
 * Whether an error means the disk or the browser's quota is full. IndexedDB says so in several
 * ways: QuotaExceededError (both browsers), and in Chromium, when the disk itself is full, an
 * UnknownError "Failed to write blobs (IOError)" or an aborted transaction naming the full disk,
 * and, once the disk is full, "Internal error opening backing store for indexedDB.open" when the
 * store cannot even be opened (seen in the full-disk e2e test; a damaged profile says the same, and
 * the reader's way out is the same: keep the text, export, free space); in Firefox, ReadOnlyError.
 */
export function isStorageFullError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { name, message } = err as { name?: unknown; message?: unknown };
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_FILE_NO_DEVICE_SPACE') return true;
  // Firefox, once its disk is full, refuses writes in a readwrite transaction with ReadOnlyError
  // ("A mutation operation was attempted on a database that did not allow mutations").
  if (name === 'ReadOnlyError') return true;
  return (
    typeof message === 'string' &&
    /quota ?exceeded|failed to write blobs|ioerror|disk (is )?full|no space left|no_device_space|did not allow mutations|error opening backing store/i.test(
      message,
    )
  );
}

/** What a reader is told when the disk or quota is full: what it is, that the text is kept, what to do. */
export const STORAGE_FULL_MESSAGE =
  "Your computer's disk (or the browser's storage for Dramatis) is full, so this was not saved. Your text is kept: export a backup from the notebook, free some disk space, then save again.";

/** The code for anything a handler threw: its own code, 'quota' for a full disk or quota, else 'internal'. */
export function errorCodeOf(err: unknown): ErrorCode {
  if (err instanceof DramatisError) return err.code;
  if (isStorageFullError(err)) return 'quota';
  return 'internal';
}

/** The sentence for anything a handler threw: its own, the storage-full one for a raw disk error, else its message. */
export function errorMessageOf(err: unknown): string {
  if (err instanceof DramatisError) return err.message;
  if (isStorageFullError(err)) return STORAGE_FULL_MESSAGE;
  return err instanceof Error ? err.message : String(err);
}
