/** The protocol's error codes and sentences: a full disk is named as such however the browser words it. */
import { describe, expect, it } from 'vitest';
import { DramatisError, STORAGE_FULL_MESSAGE, errorCodeOf, errorMessageOf, isStorageFullError } from './errors';

const domError = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('isStorageFullError', () => {
  it.each([
    ['QuotaExceededError', 'The quota has been exceeded.'],
    ['UnknownError', 'Failed to write blobs (IOError)'],
    ['UnknownError', 'Internal error opening backing store for indexedDB.open.'],
    ['ReadOnlyError', 'A mutation operation was attempted on a database that did not allow mutations.'],
    ['AbortError', 'Transaction aborted: disk full'],
    ['NS_ERROR_FILE_NO_DEVICE_SPACE', ''],
  ])('%s "%s" is a full disk', (name, message) => {
    expect(isStorageFullError(domError(name, message))).toBe(true);
    expect(errorCodeOf(domError(name, message))).toBe('quota');
    expect(errorMessageOf(domError(name, message))).toBe(STORAGE_FULL_MESSAGE);
  });

  it.each([
    ['TypeError', 'note.text is undefined'],
    ['DataError', 'Data provided to an operation does not meet requirements.'],
    ['AbortError', 'The transaction was aborted.'],
  ])('%s "%s" is not', (name, message) => {
    expect(isStorageFullError(domError(name, message))).toBe(false);
    expect(errorCodeOf(domError(name, message))).toBe('internal');
    expect(errorMessageOf(domError(name, message))).toBe(message);
  });

  it('keeps a DramatisError its own code and sentence', () => {
    const err = new DramatisError('busy', 'Too much at once.');
    expect(errorCodeOf(err)).toBe('busy');
    expect(errorMessageOf(err)).toBe('Too much at once.');
    expect(isStorageFullError(null)).toBe(false);
    expect(isStorageFullError('Failed to write blobs')).toBe(false);
  });
});
