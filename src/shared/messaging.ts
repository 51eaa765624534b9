/** Typed senders over runtime and tabs messaging; the only place that knows the wire format. */
import browser from 'webextension-polyfill';
import { t } from './i18n';
import { DramatisError, ERROR_CODES, errorCodeOf, errorMessageOf, type ErrorCode } from '../core/protocol/errors';
import type { Reply, Request, RequestOf, Responses, TabRequest, TabRequestOf, TabResponses } from '../core/protocol/messages';

const CODES: ReadonlySet<string> = new Set(ERROR_CODES);

function unwrap<T>(reply: unknown): T {
  const r = reply as Reply<T> | undefined;
  if (!r || typeof r !== 'object' || !('ok' in r)) throw new DramatisError('unavailable', t('sharedNoAnswer'));
  if (!r.ok) throw new DramatisError(CODES.has(r.code) ? r.code : 'internal', r.error);
  return r.value;
}

/** A failure to deliver (no receiver, a channel closed by a stopping worker) is 'unavailable': worth retrying. */
async function deliver(sending: () => Promise<unknown>): Promise<unknown> {
  try {
    return await sending();
  } catch (err) {
    throw new DramatisError('unavailable', err instanceof Error ? err.message : String(err));
  }
}

/** Sends a request to the background and returns its typed answer, or throws a DramatisError with a code. */
export async function send<K extends Request['type']>(message: RequestOf<K>): Promise<Responses[K]> {
  return unwrap<Responses[K]>(await deliver(() => browser.runtime.sendMessage(message)));
}

const FIRST_PAUSE_MS = 50;
const LONGEST_PAUSE_MS = 1_000;

/**
 * Sends a request that is safe to repeat, again and again with growing pauses while nothing answers
 * (a service worker stopping or starting: "Receiving end does not exist", a closed channel), for up
 * to deadlineMs; also while the background says it is 'busy' with this tab's earlier requests. Any
 * answer, or another error, ends it.
 */
export async function sendPatiently<K extends Request['type']>(message: RequestOf<K>, deadlineMs: number): Promise<Responses[K]> {
  const deadline = Date.now() + deadlineMs;
  let pause = FIRST_PAUSE_MS;
  for (;;) {
    try {
      return await send(message);
    } catch (err) {
      const code = codeOf(err);
      if ((code !== 'unavailable' && code !== 'busy') || Date.now() + pause > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
    }
  }
}

/** Sends a request to the content script of a tab. */
export async function sendToTab<K extends TabRequest['type']>(tabId: number, message: TabRequestOf<K>): Promise<TabResponses[K]> {
  return unwrap<TabResponses[K]>(await deliver(() => browser.tabs.sendMessage(tabId, message)));
}

/** The code of an error from send(): what the caller should do about it. */
export function codeOf(err: unknown): ErrorCode {
  return err instanceof DramatisError ? err.code : 'internal';
}

/**
 * A runtime.onMessage listener for a table of handlers: validates every message first, answers
 * { ok, value } or { ok: false, code, error }, and ignores messages from anything but this extension.
 */
export function createRouter<M extends { type: string }, R extends Record<M['type'], unknown>>(
  validate: (message: unknown) => { ok: true; message: M } | { ok: false; error: string },
  handlers: { [K in M['type']]: (message: Extract<M, { type: K }>, sender: browser.Runtime.MessageSender) => Promise<R[K]> | R[K] },
  /** Who may send what: a refusal reason (answered with the code 'forbidden'), or null to go on. */
  authorize?: (message: M, sender: browser.Runtime.MessageSender) => Promise<string | null> | string | null,
): (message: unknown, sender: browser.Runtime.MessageSender) => Promise<Reply<unknown>> | undefined {
  return (message, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const checked = validate(message);
    if (!checked.ok) return Promise.resolve({ ok: false, code: 'invalid', error: checked.error });
    const handler = handlers[checked.message.type as M['type']] as (m: M, s: browser.Runtime.MessageSender) => unknown;
    return Promise.resolve()
      .then(() => authorize?.(checked.message, sender) ?? null)
      .then((refused) => {
        if (refused) throw new DramatisError('forbidden', refused);
        return handler(checked.message, sender);
      })
      .then((value) => ({ ok: true as const, value }))
      .catch((err: unknown) => ({ ok: false as const, code: errorCodeOf(err), error: errorMessageOf(err) }));
  };
}
