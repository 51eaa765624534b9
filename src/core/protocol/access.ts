/**
 * Who may send each request: the one table of least privilege. A content script runs inside pages
 * that may be hostile (and a compromised renderer can send anything a content script can), so it
 * gets only what its own page needs; everything that reads or changes the whole notebook, other
 * sites' notes, imports or settings is for extension pages only (the popup, the notebook, the
 * options page, and extension-origin frames, whose sender.url is the extension's own origin).
 *
 * A new Request type fails to compile here until it is classified (ACCESS is a Record over every
 * type), and access.test.ts checks the table against the validator's list, so a message added on
 * another branch must be classified at merge.
 */
import { pageKey, type Note } from '../notes/model';
import type { Request } from './messages';

/**
 * - `extension`: extension pages only.
 * - `page`: content scripts too, but only about their own page (see pageScopeProblem), or, for
 *   entity notes and new tracked names, things a card on any page shows or creates.
 * - `anyone`: content scripts too, unrestricted: the bundled dataset, the page's own text, entity
 *   notes shown in cards. Nothing here lists or changes what the reader made elsewhere.
 */
export type Access = 'extension' | 'page' | 'anyone';

export const ACCESS: Record<Request['type'], Access> = {
  warm: 'anyone',
  detect: 'anyone',
  'entities.get': 'anyone',
  'card.details': 'anyone',
  // A content script gets only whether its own site is switched off (the answer is narrowed), never the list.
  'settings.get': 'anyone',
  'settings.set': 'extension',
  'notes.save': 'page',
  'notes.delete': 'page',
  'notes.forPage': 'page',
  'notes.forEntity': 'anyone',
  'notes.query': 'extension',
  'personal.list': 'extension',
  // "Track this name" on a page creates a name; replacing an existing one is for extension pages.
  'personal.save': 'page',
  'personal.delete': 'extension',
  'storage.status': 'extension',
  'backup.data': 'extension',
  'backup.import': 'extension',
  'backup.page': 'extension',
  'backup.import.begin': 'extension',
  'backup.import.part': 'extension',
  'backup.import.commit': 'extension',
  'safety.copy': 'extension',
  'safety.resume': 'extension',
  // "Not this?" on a card: the dataset's names, and the reader's correction for this page, its
  // site or everywhere (a card offers all three); listing and deleting are the options page's.
  'names.search': 'anyone',
  'corrections.save': 'page',
  'corrections.list': 'extension',
  'corrections.delete': 'extension',
  // Reference packs are managed on the options page.
  'packs.list': 'extension',
  'packs.import': 'extension',
  'packs.setEnabled': 'extension',
  'packs.remove': 'extension',
  'packs.export': 'extension',
  // A pack's notes on passages of the sender's own page only (like notes.forPage).
  'packs.notesForPage': 'page',
  // The options page's "Your data".
  'data.summary': 'extension',
  'data.deleteAll': 'extension',
  // Sync is set up and run from the options page and the popup only.
  'sync.status': 'extension',
  'sync.test': 'extension',
  'sync.enable': 'extension',
  'sync.now': 'extension',
  'sync.disable': 'extension',
  'sync.removeServerData': 'extension',
};

/** Who sent a message, as the browser (not the sender) reports it. */
export type SenderKind = { kind: 'extension' } | { kind: 'content'; pageUrl: string; tabId: number | undefined } | { kind: 'unknown' };

/**
 * Classifies a sender from the browser-filled sender.url: an extension page (or extension-origin
 * frame inside a tab) has the extension's own origin; anything else with a URL is a content script.
 */
export function classifySender(sender: { url?: string; tab?: { id?: number } }, extensionOrigin: string): SenderKind {
  if (!sender.url) return { kind: 'unknown' };
  let origin: string;
  try {
    origin = new URL(sender.url).origin;
  } catch {
    return { kind: 'unknown' };
  }
  // Firefox reports moz-extension origins as "null" from URL.origin: compare the prefix too.
  if (origin === extensionOrigin || sender.url.startsWith(`${extensionOrigin}/`)) return { kind: 'extension' };
  return { kind: 'content', pageUrl: sender.url, tabId: sender.tab?.id };
}

/** The extension's origin from runtime.getURL('') ("chrome-extension://id/" -> "chrome-extension://id"). */
export const originOf = (extensionBaseUrl: string): string => extensionBaseUrl.replace(/\/+$/, '');

const samePage = (a: string, b: string): boolean => pageKey(a) === pageKey(b);

const hostOf = (url: string): string | undefined => {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
};

/** Whether a note belongs to the page a content script runs on (entity notes belong to every page). */
export function noteOnPage(note: Pick<Note, 'kind' | 'page'>, pageUrl: string): boolean {
  if (note.kind === 'entity') return note.page === undefined || samePage(note.page.url, pageUrl);
  return note.page !== undefined && samePage(note.page.url, pageUrl);
}

/**
 * For a `page` request from a content script on pageUrl: why it reaches beyond that page, or null.
 * Checks that need the store (the note a delete removes, whether a tracked name exists) are the
 * background's; this covers what the message itself says.
 */
export function pageScopeProblem(message: Request, pageUrl: string): string | null {
  switch (message.type) {
    case 'notes.forPage':
    case 'packs.notesForPage':
      return samePage(message.url, pageUrl) ? null : 'a page may ask only about its own address';
    case 'corrections.save': {
      const { scope, where } = message.correction;
      if (scope === 'page') return samePage(where, pageUrl) ? null : 'a page may correct names only on its own address';
      if (scope === 'site') return hostOf(pageUrl) === where ? null : 'a page may correct names only on its own site';
      return null;
    }
    case 'notes.save':
      return noteOnPage(message.note, pageUrl) ? null : 'a page may save only its own notes and entity notes';
    default:
      return null;
  }
}

export const ACCESS_REFUSED = (type: string, why: string): string =>
  `${type} is not allowed from a web page's content script (${why}); only Dramatis's own pages may send it`;
