/**
 * The extension's IndexedDB, opened lazily by the background only (content scripts and pages send
 * it messages). Each schema version has its own upgrade step, applied in order; each step is tested
 * from a fixture of the previous version's data (src/background/db.test.ts).
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Correction } from '../core/corrections';
import type { Note } from '../core/notes/model';
import { pageKey } from '../core/notes/model';
import type { StoredPack } from '../core/packs/format';
import type { PersonalEntity } from '../core/personal';
import type { Settings, SyncAccount, SyncStatus } from '../core/protocol/messages';
import { applySettingsPatch, settingsFrom } from '../core/settings';
import type { SyncKeys } from '../core/sync/crypto';
import type { RecordMeta, SyncState } from '../core/sync/engine';

export const DB_NAME = 'dramatis';
export const DB_VERSION = 3;

/** A stored note: the note plus derived keys for the indexes. */
export type StoredNote = Note & { pageKey: string; entityKey: string };

/** The stored form of a note: its page URL without fragment, and the index keys derived from it. */
export function toStored(input: Note): StoredNote {
  const note: Note = input.page ? { ...input, page: { ...input.page, url: pageKey(input.page.url) } } : input;
  return { ...note, pageKey: note.page ? note.page.url : '', entityKey: note.kind === 'entity' ? note.entityId : '' } as StoredNote;
}

/** A note as stored, less the derived index keys. */
export function fromStored(stored: StoredNote): Note {
  const { pageKey: _p, entityKey: _e, ...note } = stored;
  return note as Note;
}

export interface DramatisDB extends DBSchema {
  settings: { key: string; value: Settings };
  /**
   * Before corrections: the reader's picks for ambiguous names, per page (URL without its
   * fragment). Read once and moved into `corrections` as page corrections (corrections-store.ts).
   */
  choices: { key: string; value: Record<string, string> };
  notes: { key: string; value: StoredNote; indexes: { byPage: string; byEntity: string; byUpdated: number } };
  /** Names the reader tracks that are not in the dataset. */
  personal: { key: string; value: PersonalEntity };
  /** The reader's corrections ("Not this?"), keyed by their id (core/corrections.ts). */
  corrections: { key: string; value: Correction };
  /** Imported reference packs, keyed by their id (packIdOf(title): a newer file of the same title replaces the old). */
  packs: { key: string; value: StoredPack };
  /**
   * Sync's own records by name: "config" (server, user, app password and derived keys: this device
   * only, never synced, never in a backup), "status" (what the options page shows), "state" (device
   * id, counters, batches applied and reserved) and "m:<kind>:<id>" (each record's version).
   */
  sync: { key: string; value: SyncConfig | SyncStatus | SyncState | RecordMeta };
}

/** The reader's sync set-up on this device. Kept here only: sync never sends it, backups never hold it. */
export interface SyncConfig {
  account: SyncAccount;
  deviceName: string;
  /** The non-extractable keys derived from the passphrase (the passphrase itself is never stored). */
  keys: SyncKeys;
  /** The salt of the server's header these keys belong to. */
  salt: string;
}

/**
 * The shape every keyed record of the version 3 stores shares; each feature narrows it to its own
 * record type where it reads and writes.
 */
export interface StoredRecord {
  id: string;
  [field: string]: unknown;
}

type UpgradeTx = IDBPTransaction<DramatisDB, StoreNames<DramatisDB>[], 'versionchange'>;

/** Upgrade steps: STEPS[v] turns a version v database into version v + 1. */
const STEPS: ((db: IDBPDatabase<DramatisDB>, tx: UpgradeTx) => void)[] = [
  // 0 -> 1: settings and per-page choices.
  (db) => {
    db.createObjectStore('settings');
    db.createObjectStore('choices');
  },
  // 1 -> 2: notes with their indexes, and personal entities. Existing data is untouched.
  (db) => {
    const notes = db.createObjectStore('notes', { keyPath: 'id' });
    notes.createIndex('byPage', 'pageKey');
    notes.createIndex('byEntity', 'entityKey');
    notes.createIndex('byUpdated', 'updated');
    db.createObjectStore('personal', { keyPath: 'id' });
  },
  // 2 -> 3: the reader's corrections, reference packs and sync state. Existing data is untouched.
  (db) => {
    db.createObjectStore('corrections', { keyPath: 'id' });
    db.createObjectStore('packs', { keyPath: 'id' });
    db.createObjectStore('sync');
  },
];

export function openDatabase(name = DB_NAME, version = DB_VERSION): Promise<IDBPDatabase<DramatisDB>> {
  return openDB<DramatisDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion; v < (newVersion ?? version); v++) STEPS[v]!(db, tx);
    },
  });
}

let dbPromise: Promise<IDBPDatabase<DramatisDB>> | undefined;

/** The shared connection; reopened after the browser closes it (version change, storage pressure). */
export function db(): Promise<IDBPDatabase<DramatisDB>> {
  dbPromise ??= openDatabase().then(
    (conn) => {
      conn.addEventListener('close', () => {
        dbPromise = undefined;
      });
      conn.addEventListener('versionchange', () => {
        conn.close();
        dbPromise = undefined;
      });
      return conn;
    },
    (err) => {
      dbPromise = undefined;
      throw err;
    },
  );
  return dbPromise;
}

/** For tests: use this connection instead of opening the real database. */
export function useDatabase(conn: Promise<IDBPDatabase<DramatisDB>>): void {
  dbPromise = conn;
}

/** The stored settings made whole: fields an older version did not store take their defaults (settingsFrom). */
export async function getSettings(): Promise<Settings> {
  return settingsFrom(await (await db()).get('settings', 'settings'));
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const conn = await db();
  const tx = conn.transaction('settings', 'readwrite');
  const next = applySettingsPatch(settingsFrom(await tx.store.get('settings')), patch);
  await tx.store.put(next, 'settings');
  await tx.done;
  return next;
}
