import { describe, expect, it, vi } from 'vitest';
import { nativeBrowser } from './native-browser';

type ChromeListener = (message: unknown, sender: unknown, sendResponse: (answer: unknown) => void) => boolean;

/** A stand-in for Chrome's `chrome`: its onMessage takes only sendResponse answers. */
function fakeChrome() {
  const listeners: ChromeListener[] = [];
  const runtime = {
    id: 'ext-id',
    getURL(path: string) {
      return `chrome-extension://${this.id}/${path}`;
    },
    sendMessage: vi.fn(async (m: unknown) => ({ echoed: m })),
    onMessage: {
      addListener: (l: ChromeListener) => listeners.push(l),
      removeListener: (l: ChromeListener) => listeners.splice(listeners.indexOf(l), 1),
    },
  };
  const i18n = { getMessage: (key: string) => `text of ${key}` };
  return { chrome: { runtime, i18n }, listeners };
}

describe('the content script without webextension-polyfill', () => {
  it("uses Firefox's own promise-based browser object as it is", () => {
    const browser = { runtime: { id: 'ff-id' } };
    expect(nativeBrowser({ browser, chrome: fakeChrome().chrome })).toBe(browser);
  });

  it('answers Chrome messages through sendResponse when a listener returns a promise, keeping the channel open', async () => {
    const { chrome, listeners } = fakeChrome();
    const api = nativeBrowser({ chrome });
    api.runtime.onMessage.addListener(async (m: unknown) => ({ ok: true, value: m }));
    expect(listeners).toHaveLength(1);
    const sendResponse = vi.fn();
    expect(listeners[0]!({ type: 'page.summary' }, {}, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: true, value: { type: 'page.summary' } }));
  });

  it('leaves a message alone when the listener returns nothing (another frame or extension answers)', () => {
    const { chrome, listeners } = fakeChrome();
    nativeBrowser({ chrome }).runtime.onMessage.addListener(() => undefined);
    const sendResponse = vi.fn();
    expect(listeners[0]!({ type: 'x' }, {}, sendResponse)).toBe(false);
    expect(sendResponse).not.toHaveBeenCalled();
  });

  it('ends the channel with no answer when a listener\'s promise rejects (the sender sees "unavailable")', async () => {
    const { chrome, listeners } = fakeChrome();
    nativeBrowser({ chrome }).runtime.onMessage.addListener(() => Promise.reject(new Error('boom')));
    const sendResponse = vi.fn();
    listeners[0]!({}, {}, sendResponse);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith(undefined));
  });

  it('removes the wrapped listener it added', () => {
    const { chrome, listeners } = fakeChrome();
    const api = nativeBrowser({ chrome });
    const listener = async () => 1;
    api.runtime.onMessage.addListener(listener);
    expect(api.runtime.onMessage.hasListener(listener)).toBe(true);
    api.runtime.onMessage.removeListener(listener);
    expect(listeners).toHaveLength(0);
    expect(api.runtime.onMessage.hasListener(listener)).toBe(false);
  });

  it("passes the rest through to Chrome's own objects, methods bound to them", async () => {
    const { chrome } = fakeChrome();
    const api = nativeBrowser({ chrome });
    expect(api.runtime.id).toBe('ext-id');
    const { getURL } = api.runtime;
    expect(getURL('ui.js')).toBe('chrome-extension://ext-id/ui.js');
    await expect(api.runtime.sendMessage({ type: 'warm' })).resolves.toEqual({ echoed: { type: 'warm' } });
    expect(api.i18n.getMessage('hello')).toBe('text of hello');
  });
});
