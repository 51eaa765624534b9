import { describe, expect, it, vi } from 'vitest';
import { DramatisError, STORAGE_FULL_MESSAGE } from '../core/protocol/errors';
import { DEFAULT_SETTINGS, type Request, type Responses } from '../core/protocol/messages';
import { validateRequest } from '../core/protocol/validate';

// The polyfill refuses to load outside an extension: the router needs only our extension's id.
vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'dramatis-test-id', sendMessage: vi.fn() } } }));
const { createRouter, sendPatiently } = await import('./messaging');
const sendMessage = vi.mocked((await import('webextension-polyfill')).default.runtime.sendMessage);

const ours = { id: 'dramatis-test-id' };
const handled: string[] = [];
type Handlers = Parameters<typeof createRouter<Request, Responses>>[1];
// Only the handlers this test calls: the router looks a handler up by the validated message's type.
const router = createRouter<Request, Responses>(validateRequest, {
  'settings.get': () => {
    handled.push('settings.get');
    return DEFAULT_SETTINGS;
  },
  'notes.delete': (m) => {
    if (m.id === 'missing') throw new DramatisError('not-found', 'no such note');
    if (m.id === 'full') throw new DOMException('disk full', 'QuotaExceededError');
    if (m.id === 'blobs') throw new DOMException('Failed to write blobs (IOError)', 'UnknownError');
    if (m.id === 'readonly')
      throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'ReadOnlyError');
    throw new Error('boom');
  },
} as Partial<Handlers> as Handlers);

describe('the message router', () => {
  it('answers a valid message from this extension with its handler value', async () => {
    await expect(router({ type: 'settings.get' }, ours)).resolves.toEqual({
      ok: true,
      value: DEFAULT_SETTINGS,
    });
    expect(handled).toEqual(['settings.get']);
  });

  it('ignores messages from anything but this extension (no answer at all)', () => {
    expect(router({ type: 'settings.get' }, { id: 'another-extension' })).toBeUndefined();
    expect(handled).toEqual(['settings.get']);
  });

  it('refuses an invalid message with the code "invalid" before any handler runs', async () => {
    await expect(router({ type: 'settings.get', extra: 1 }, ours)).resolves.toEqual({
      ok: false,
      code: 'invalid',
      error: 'settings.get: has an unknown field "extra"',
    });
    await expect(router({ type: 'drop.tables' }, ours)).resolves.toMatchObject({ ok: false, code: 'invalid' });
    expect(handled).toEqual(['settings.get']);
  });

  it('passes a handler error on with its code: its own, quota for a full store, internal otherwise', async () => {
    await expect(router({ type: 'notes.delete', id: 'missing' }, ours)).resolves.toEqual({
      ok: false,
      code: 'not-found',
      error: 'no such note',
    });
    await expect(router({ type: 'notes.delete', id: 'full' }, ours)).resolves.toEqual({
      ok: false,
      code: 'quota',
      error: STORAGE_FULL_MESSAGE,
    });
    await expect(router({ type: 'notes.delete', id: 'blobs' }, ours)).resolves.toMatchObject({
      code: 'quota',
      error: STORAGE_FULL_MESSAGE,
    });
    await expect(router({ type: 'notes.delete', id: 'readonly' }, ours)).resolves.toMatchObject({
      code: 'quota',
      error: STORAGE_FULL_MESSAGE,
    });
    await expect(router({ type: 'notes.delete', id: 'other' }, ours)).resolves.toEqual({ ok: false, code: 'internal', error: 'boom' });
  });
});

/** What Chrome throws while the service worker that should answer is stopped or starting. */
const NO_RECEIVER = new Error('Could not establish connection. Receiving end does not exist.');
/** What it throws when the worker stopped after taking the message, before answering. */
const CHANNEL_CLOSED = new Error('The message port closed before a response was received.');
const detectAnswer = { ok: true, value: { mentions: [], entities: {}, years: [1937] } };

describe('a detection batch sent patiently across a worker stop', () => {
  it('is sent again while the worker is stopped or drops it, until it is answered', async () => {
    sendMessage.mockReset();
    sendMessage.mockRejectedValueOnce(NO_RECEIVER).mockRejectedValueOnce(CHANNEL_CLOSED).mockResolvedValueOnce(detectAnswer);
    const message = { type: 'detect' as const, blocks: ['Trotsky in Coyoacán'] };
    await expect(sendPatiently(message, 10_000)).resolves.toEqual(detectAnswer.value);
    expect(sendMessage).toHaveBeenCalledTimes(3);
    // The same batch each time: detection is safe to repeat.
    for (const [sent] of sendMessage.mock.calls) expect(sent).toEqual(message);
  });

  it('is sent again while the background answers "busy" with this tab\'s earlier batches', async () => {
    sendMessage.mockReset();
    sendMessage.mockResolvedValueOnce({ ok: false, code: 'busy', error: 'busy' }).mockResolvedValueOnce(detectAnswer);
    await expect(sendPatiently({ type: 'detect', blocks: ['x'] }, 10_000)).resolves.toEqual(detectAnswer.value);
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('gives up with "unavailable" once its deadline would pass, rather than asking forever', async () => {
    sendMessage.mockReset();
    sendMessage.mockRejectedValue(NO_RECEIVER);
    await expect(sendPatiently({ type: 'detect', blocks: ['x'] }, 120)).rejects.toMatchObject({ code: 'unavailable' });
    // Pauses of 50 then 100 ms: the third attempt would end past the 120 ms deadline.
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('is not repeated after an answer that is an error of the request itself', async () => {
    sendMessage.mockReset();
    sendMessage.mockResolvedValueOnce({ ok: false, code: 'invalid', error: 'detect: blocks must be a list' });
    await expect(sendPatiently({ type: 'detect', blocks: ['x'] }, 10_000)).rejects.toMatchObject({ code: 'invalid' });
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });
});
