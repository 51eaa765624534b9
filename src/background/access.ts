/**
 * The router's sender check: applies the ACCESS table (src/core/protocol/access.ts) to the sender
 * the browser reports, with the checks that need the store (a delete's note, an existing name).
 */
import browser from 'webextension-polyfill';
import { ACCESS, ACCESS_REFUSED, classifySender, noteOnPage, originOf, pageScopeProblem, type SenderKind } from '../core/protocol/access';
import type { Request, Settings } from '../core/protocol/messages';
import { db, fromStored } from './db';

let extensionOrigin: string | undefined;

export function senderKind(sender: browser.Runtime.MessageSender): SenderKind {
  extensionOrigin ??= originOf(browser.runtime.getURL(''));
  return classifySender(sender, extensionOrigin);
}

/** Null when the sender may send this message, else why not. */
export async function authorize(message: Request, sender: browser.Runtime.MessageSender): Promise<string | null> {
  const access = ACCESS[message.type];
  if (access === 'anyone') return null;
  const who = senderKind(sender);
  if (who.kind === 'extension') return null;
  if (who.kind === 'unknown') return `${message.type} needs a sender with an address`;
  if (access === 'extension') return ACCESS_REFUSED(message.type, 'it reaches beyond the page');
  const problem = pageScopeProblem(message, who.pageUrl) ?? (await storeScopeProblem(message, who.pageUrl));
  return problem ? ACCESS_REFUSED(message.type, problem) : null;
}

/** The page-scope checks that read the store: what a delete or save would replace must be the page's own. */
async function storeScopeProblem(message: Request, pageUrl: string): Promise<string | null> {
  switch (message.type) {
    case 'notes.delete':
    case 'notes.save': {
      const id = message.type === 'notes.delete' ? message.id : message.note.id;
      const existing = await (await db()).get('notes', id);
      // An unknown id deletes nothing; a save of a new id was checked against the page already.
      return existing && !noteOnPage(fromStored(existing), pageUrl) ? 'that note belongs to another page' : null;
    }
    case 'personal.save': {
      const existing = await (await db()).getKey('personal', message.entity.id);
      return existing === undefined ? null : 'a page may add a tracked name, not change one';
    }
    default:
      return null;
  }
}

/**
 * settings.get as a content script sees it: whether highlights are on, and whether its own site is
 * switched off, never the reader's whole list of sites (a list of where they read).
 */
export function settingsFor(settings: Settings, sender: browser.Runtime.MessageSender): Settings {
  const who = senderKind(sender);
  if (who.kind === 'extension') return settings;
  let host = '';
  try {
    host = who.kind === 'content' ? new URL(who.pageUrl).hostname : '';
  } catch {
    /* no host: an address without one is never in the list */
  }
  return {
    ...settings,
    disabledSites: host && settings.disabledSites.includes(host) ? [host] : [],
    enabledSites: host && settings.enabledSites.includes(host) ? [host] : [],
  };
}
