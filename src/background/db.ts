/**
 * The extension's IndexedDB, opened lazily by the background only (content scripts never touch it).
 * Schema versions and their migrations live here; each is tested from a fixture of the previous one.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { DEFAULT_SETTINGS, type Settings } from '../core/protocol/messages';

export const DB_NAME = 'dramatis';
export const DB_VERSION = 1;

export interface DramatisDB extends DBSchema {
  settings: { key: string; value: Settings };
  /** The reader's picks for ambiguous names, per page (URL without its fragment). */
  choices: { key: string; value: Record<string, string> };
}

let dbPromise: Promise<IDBPDatabase<DramatisDB>> | undefined;

export function openDatabase(name = DB_NAME): Promise<IDBPDatabase<DramatisDB>> {
  return openDB<DramatisDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('settings');
        db.createObjectStore('choices');
      }
    },
  });
}

/** The shared connection; reopened after the browser closes it (version change, storage pressure). */
export function db(): Promise<IDBPDatabase<DramatisDB>> {
  dbPromise ??= openDatabase().then((conn) => {
    conn.addEventListener('close', () => { dbPromise = undefined; });
    conn.addEventListener('versionchange', () => { conn.close(); dbPromise = undefined; });
    return conn;
  }, (err) => {
    dbPromise = undefined;
    throw err;
  });
  return dbPromise;
}

export async function getSettings(): Promise<Settings> {
  const stored = await (await db()).get('settings', 'settings');
  return { ...DEFAULT_SETTINGS, ...stored };
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const conn = await db();
  const tx = conn.transaction('settings', 'readwrite');
  const next = { ...DEFAULT_SETTINGS, ...(await tx.store.get('settings')), ...patch };
  await tx.store.put(next, 'settings');
  await tx.done;
  return next;
}

/** A page's identity for per-page data: the URL without its fragment. */
export function pageKey(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

export async function getChoices(url: string): Promise<Record<string, string>> {
  return (await (await db()).get('choices', pageKey(url))) ?? {};
}

export async function setChoice(url: string, key: string, id: string): Promise<Record<string, string>> {
  const conn = await db();
  const tx = conn.transaction('choices', 'readwrite');
  const next = { ...(await tx.store.get(pageKey(url))), [key]: id };
  await tx.store.put(next, pageKey(url));
  await tx.done;
  return next;
}
