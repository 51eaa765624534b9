/** The one save path: retried while the worker restarts, final on a refusal, and telling the editor what to show. */
import { describe, expect, it, vi } from 'vitest';
import { DramatisError, STORAGE_FULL_MESSAGE } from '../core/protocol/errors';
import type { Note } from '../core/notes/model';

const sendMock = vi.fn();
vi.mock('webextension-polyfill', async () => ({
  default: { runtime: { id: 'test' }, i18n: (await import('../../tools/i18n-in-node')).i18nInNode() },
}));
vi.mock('./messaging', async () => {
  const { DramatisError: E } = await import('../core/protocol/errors');
  return { send: (m: unknown) => sendMock(m), codeOf: (err: unknown) => (err instanceof E ? err.code : 'internal') };
});
const { saveNote } = await import('./save-note');

const note: Note = {
  id: 'n1',
  kind: 'page',
  text: 'Draft',
  tags: [],
  created: 1,
  updated: 1,
  page: { url: 'https://a.example/', title: 'A' },
};
const noSleep = () => Promise.resolve();

describe('saveNote', () => {
  it('retries through a restarting worker until acknowledged, with the same note (same id) each time', async () => {
    sendMock.mockReset();
    sendMock
      .mockRejectedValueOnce(new DramatisError('unavailable', 'Could not establish connection. Receiving end does not exist.'))
      .mockRejectedValueOnce(new DramatisError('unavailable', 'The message port closed before a response was received.'))
      .mockRejectedValueOnce(new DramatisError('busy', 'busy'))
      .mockResolvedValueOnce(note);
    const statuses: string[] = [];
    await expect(saveNote(note, { sleep: noSleep, onStatus: (s) => statuses.push(s.state) })).resolves.toEqual(note);
    expect(sendMock).toHaveBeenCalledTimes(4);
    for (const [m] of sendMock.mock.calls) expect(m).toEqual({ type: 'notes.save', note });
    expect(statuses).toEqual(['saving', 'retrying', 'retrying', 'retrying', 'saved']);
  });

  it('gives up after the deadline with a message that says the text is kept and can be copied', async () => {
    sendMock.mockReset();
    sendMock.mockRejectedValue(new DramatisError('unavailable', 'Could not establish connection.'));
    let failure: unknown;
    const err = await saveNote(note, {
      deadlineMs: 0,
      sleep: noSleep,
      onStatus: (s) => {
        if (s.state === 'failed') failure = s.failure;
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DramatisError);
    expect((err as DramatisError).message).toMatch(/not saved yet\. Your text is still here: copy it/);
    expect(failure).toMatchObject({ code: 'unavailable', offerCopy: true, offerBackup: false });
  });

  it('does not retry a refusal; a full disk offers a backup and says what it is', async () => {
    sendMock.mockReset();
    sendMock.mockRejectedValue(new DramatisError('quota', STORAGE_FULL_MESSAGE));
    let failure: unknown;
    await expect(
      saveNote(note, {
        sleep: noSleep,
        onStatus: (s) => {
          if (s.state === 'failed') failure = s.failure;
        },
      }),
    ).rejects.toThrow(/disk .* is full.*Your text is kept/);
    expect(sendMock).toHaveBeenCalledTimes(1);
    expect(failure).toMatchObject({ code: 'quota', offerBackup: true, offerCopy: true });
    sendMock.mockReset();
    sendMock.mockRejectedValue(new DramatisError('invalid', 'The note was not saved: tags must be at most 50 strings.'));
    await expect(saveNote(note, { sleep: noSleep })).rejects.toMatchObject({ code: 'invalid' });
    expect(sendMock).toHaveBeenCalledTimes(1);
  });
});
