/**
 * What the content script uses of webextension-polyfill, without its 9.7 KB: the build aliases
 * 'webextension-polyfill' to this file for content.js only (scripts/build.ts), against the content
 * script's 60 KB budget. The other bundles keep the polyfill.
 * Firefox has the promise-based `browser` natively. Chrome's MV3 `chrome` returns promises too
 * (runtime.sendMessage, tabs.sendMessage), and its runtime.id, getURL and i18n are synchronous
 * as in the polyfill; the one difference the content script meets is runtime.onMessage, where
 * Chrome takes an answer only through sendResponse, so listeners that return a promise are wrapped.
 */
import type { Browser, Runtime } from 'webextension-polyfill';

type PromiseListener = (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined | void;
type ChromeListener = (message: unknown, sender: Runtime.MessageSender, sendResponse: (answer: unknown) => void) => boolean;

interface ChromeLike {
  runtime: Browser['runtime'] & { onMessage: { addListener(l: ChromeListener): void; removeListener(l: ChromeListener): void } };
}

/** Chrome's runtime.onMessage, taking listeners that answer with a promise (as the polyfill's do). */
function promiseOnMessage(chrome: ChromeLike): Pick<Runtime.Static['onMessage'], 'addListener' | 'removeListener' | 'hasListener'> {
  const wrapped = new Map<PromiseListener, ChromeListener>();
  return {
    addListener(listener: PromiseListener) {
      const asChrome: ChromeListener = (message, sender, sendResponse) => {
        const answer = listener(message, sender);
        if (!answer || typeof answer.then !== 'function') return false;
        // Our routers answer { ok: false, ... } rather than reject; a rejection still ends the channel.
        answer.then(sendResponse, () => sendResponse(undefined));
        return true; // keeps the channel open until sendResponse
      };
      wrapped.set(listener, asChrome);
      chrome.runtime.onMessage.addListener(asChrome);
    },
    removeListener(listener: PromiseListener) {
      const asChrome = wrapped.get(listener);
      if (asChrome) chrome.runtime.onMessage.removeListener(asChrome);
      wrapped.delete(listener);
    },
    hasListener: (listener: PromiseListener) => wrapped.has(listener),
  } as Pick<Runtime.Static['onMessage'], 'addListener' | 'removeListener' | 'hasListener'>;
}

/** The native API in the polyfill's shape: `browser` where it exists (Firefox), else `chrome` with promise listeners. */
export function nativeBrowser(scope: { browser?: unknown; chrome?: unknown }): Browser {
  const firefox = scope.browser as Browser | undefined;
  if (firefox?.runtime?.id) return firefox;
  const chrome = scope.chrome as (ChromeLike & Browser) | undefined;
  // Neither (Node): nothing to wrap; the content script never runs there.
  if (!chrome?.runtime) return (firefox ?? {}) as Browser;
  const onMessage = promiseOnMessage(chrome);
  // The rest of runtime is Chrome's own object, read through, its methods bound to it.
  const runtime = new Proxy(chrome.runtime, {
    get: (target, key) => {
      if (key === 'onMessage') return onMessage;
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return new Proxy(chrome, { get: (target, key) => (key === 'runtime' ? runtime : Reflect.get(target, key)) });
}

export default nativeBrowser(globalThis as { browser?: unknown; chrome?: unknown });
