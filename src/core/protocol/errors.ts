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

/** The code for anything a handler threw: its own code, 'quota' for a storage quota error, else 'internal'. */
export function errorCodeOf(err: unknown): ErrorCode {
  if (err instanceof DramatisError) return err.code;
  if (typeof DOMException !== 'undefined' && err instanceof DOMException && err.name === 'QuotaExceededError') return 'quota';
  return 'internal';
}
