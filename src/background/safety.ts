/**
 * The full-disk guard and the rolling safety copy (issue 12, deliverable 3).
 *
 * Chromium, when the disk fills up, can reopen the extension's IndexedDB backing store EMPTY and
 * let later saves succeed into it. So a marker is kept OUTSIDE IndexedDB, in storage.local (in
 * Chromium a separate LevelDB, "Local Extension Settings"; in Firefox a separate database), holding
 * how many notes and tracked names the store has. Whenever a connection opens, the store is
 * counted against the marker; if it holds fewer, Dramatis stops writing (every write answers
 * 'store-lost'), tells the reader (storage.status -> the notebook's banner, the popup) and offers
 * the last safety copy.
 *
 * The safety copy is the whole notebook as a backup file, deflate-compressed with fflate, base64,
 * in parts, also in storage.local: outside the IndexedDB backing store that a full disk can wipe,
 * and readable with no IndexedDB at all. It is made a few seconds after changes, at most hourly,
 * never while the store is found lost (a wiped store must not overwrite the good copy).
 *
 * Costs: the marker is one count() per connection opened and one small storage write, batched a
 * second after saves (deletes write it before they are acknowledged, so it never claims more than
 * the store should hold); the copy reads and compresses the whole notebook, hourly at most.
 */
import type { IDBPDatabase } from 'idb';
import browser from 'webextension-polyfill';
import { createBackup, serializeBackup } from '../core/export/backup';
import { packSafetyCopy } from '../core/export/safety-copy';
import { DramatisError } from '../core/protocol/errors';
import type { SafetyCopyPart, SafetyState } from '../core/protocol/messages';
import { backupData } from './backup-store';
import { db, type DramatisDB } from './db';
import { t } from '../shared/i18n';

/** What the guard reads and writes outside IndexedDB; storage.local in the extension, a Map in tests. */
export interface OutsideStore {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

const MARKER = 'safety.marker';
const STATE = 'safety.state';
const COPY = 'safety.copy';
const partKey = (generation: string, i: number) => `safety.copy.${generation}.${i}`;

interface Marker {
  count: number;
  at: number;
}
interface CopyMeta {
  madeAt: number;
  notes: number;
  bytes: number;
  parts: number;
  generation: string;
}

export const COPY_INTERVAL_MS = 60 * 60 * 1000;
const COPY_DELAY_MS = 5_000;
const MARKER_DELAY_MS = 1_000;
/** Base64 characters per stored part. */
const PART_CHARS = 4 * 1024 * 1024;

let outside: OutsideStore = browser.storage?.local as unknown as OutsideStore;
let checkedConn: IDBPDatabase<DramatisDB> | undefined;
let checking: Promise<void> | undefined;
let lost: SafetyState['lost'];
let quotaInMemory: SafetyState['quotaError'];
let markerTimer: ReturnType<typeof setTimeout> | undefined;
let copyTimer: ReturnType<typeof setTimeout> | undefined;

/** For tests: another outside store, and forget what this worker life knew. */
export function useOutsideStore(store: OutsideStore): void {
  outside = store;
  checkedConn = undefined;
  checking = undefined;
  lost = undefined;
  quotaInMemory = undefined;
}

async function countAll(conn: IDBPDatabase<DramatisDB>): Promise<number> {
  const tx = conn.transaction(['notes', 'personal'], 'readonly');
  const [notes, personal] = await Promise.all([tx.objectStore('notes').count(), tx.objectStore('personal').count()]);
  await tx.done;
  return notes + personal;
}

/** Counts the store against the marker once per opened connection; remembers a loss across restarts. */
export async function checkStore(): Promise<void> {
  const conn = await db();
  if (conn === checkedConn) return;
  checking ??= (async () => {
    const saved = await outside.get([MARKER, STATE]);
    const state = (saved[STATE] ?? {}) as SafetyState;
    if (state.lost) {
      lost = state.lost;
    } else {
      const marker = saved[MARKER] as Marker | undefined;
      const found = await countAll(conn);
      if (marker && found < marker.count) {
        lost = { expected: marker.count, found, at: Date.now() };
        await outside.set({ [STATE]: { ...state, lost } });
        console.warn('[Dramatis] the notebook holds fewer records than the marker says: writing stopped', lost);
      }
    }
    checkedConn = conn;
  })().finally(() => {
    checking = undefined;
  });
  await checking;
  if (!lost) scheduleCopy();
}

/** Before every write: refuses while the store is found lost. */
export async function guardWrite(): Promise<void> {
  await checkStore();
  if (lost) throw new DramatisError('store-lost', t('bgStoreLost', lost.found, lost.expected));
}

async function writeMarker(): Promise<void> {
  if (lost) return;
  const count = await countAll(await db());
  await outside.set({ [MARKER]: { count, at: Date.now() } satisfies Marker });
}

/** After a save or an import: the marker follows a second later (batched), the copy a few seconds later. */
export function afterWrite(): void {
  if (lost) return;
  clearTimeout(markerTimer);
  markerTimer = setTimeout(() => void writeMarker().catch(() => undefined), MARKER_DELAY_MS);
  scheduleCopy(true);
}

/** After a delete: the marker is lowered before the delete is acknowledged, so it never claims a deleted note. */
export async function afterDelete(): Promise<void> {
  await writeMarker();
  scheduleCopy(true);
}

/** A write failed for lack of room: remember the first time (with the storage used) for the banner. */
export async function recordQuotaError(): Promise<void> {
  const saved = await outside.get([STATE]).catch(() => ({}) as Record<string, unknown>);
  const state = (saved[STATE] ?? {}) as SafetyState;
  if (state.quotaError ?? quotaInMemory) return;
  const estimate = await globalThis.navigator?.storage?.estimate?.().catch(() => undefined);
  quotaInMemory = { at: Date.now(), usage: estimate?.usage, quota: estimate?.quota };
  // In Firefox storage.local sits on the same full disk and this write fails too: the copy in
  // memory still reaches the banner for this worker's life.
  await outside.set({ [STATE]: { ...state, quotaError: quotaInMemory } }).catch(() => undefined);
}

function scheduleCopy(changed = false): void {
  if (copyTimer !== undefined || lost) return;
  copyTimer = setTimeout(() => {
    copyTimer = undefined;
    void makeSafetyCopyIfDue(changed).catch((err: unknown) => console.warn('[Dramatis] safety copy failed', err));
  }, COPY_DELAY_MS);
}

async function makeSafetyCopyIfDue(changed: boolean): Promise<void> {
  const saved = await outside.get([COPY, MARKER]);
  const meta = saved[COPY] as CopyMeta | undefined;
  const marker = saved[MARKER] as Marker | undefined;
  const stale = !meta || (changed || (marker && marker.at > meta.madeAt) ? Date.now() - meta.madeAt >= COPY_INTERVAL_MS : false);
  if (stale) await makeSafetyCopy();
}

/** Writes a new safety copy now (a new generation of parts, then its meta, then the old parts go). */
export async function makeSafetyCopy(now = Date.now()): Promise<CopyMeta | undefined> {
  await checkStore();
  if (lost) return undefined;
  const data = await backupData();
  const text = serializeBackup(createBackup({ ...data, exportedAt: now }));
  const packed = packSafetyCopy(text, PART_CHARS);
  const generation = String(now);
  const parts = packed.length;
  const items: Record<string, unknown> = {};
  packed.forEach((part, i) => (items[partKey(generation, i)] = part));
  const before = (await outside.get([COPY]))[COPY] as CopyMeta | undefined;
  await outside.set(items);
  const meta: CopyMeta = { madeAt: now, notes: data.notes.length, bytes: text.length, parts, generation };
  await outside.set({ [COPY]: meta });
  if (before && before.generation !== generation)
    await outside.remove(Array.from({ length: before.parts }, (_, i) => partKey(before.generation, i)));
  return meta;
}

/** One part of the last safety copy, for the notebook to download or restore. */
export async function safetyCopyPart(index: number): Promise<SafetyCopyPart> {
  const meta = (await outside.get([COPY]))[COPY] as CopyMeta | undefined;
  if (!meta) throw new DramatisError('not-found', t('bgNoSafetyCopy'));
  if (index >= meta.parts) throw new DramatisError('not-found', t('bgSafetyCopyParts', meta.parts));
  const key = partKey(meta.generation, index);
  const data = (await outside.get([key]))[key];
  if (typeof data !== 'string') throw new DramatisError('not-found', t('bgSafetyCopyIncomplete'));
  return { index, parts: meta.parts, data, madeAt: meta.madeAt, notes: meta.notes };
}

/** The reader restored a copy or chose to go on with the store as it is: writing resumes, the marker is reset. */
export async function resume(): Promise<boolean> {
  const saved = await outside.get([STATE]);
  const state = (saved[STATE] ?? {}) as SafetyState;
  const wasLost = Boolean(lost ?? state.lost);
  lost = undefined;
  quotaInMemory = undefined;
  await outside.set({ [STATE]: { ...state, lost: undefined, quotaError: undefined } });
  await writeMarker();
  return wasLost;
}

/** What the banner shows. */
export async function safetyState(): Promise<SafetyState> {
  await checkStore().catch(() => undefined);
  const saved = await outside.get([STATE, COPY]);
  const state = (saved[STATE] ?? {}) as SafetyState;
  const meta = saved[COPY] as CopyMeta | undefined;
  return {
    ...(lost ? { lost } : {}),
    ...((state.quotaError ?? quotaInMemory) ? { quotaError: state.quotaError ?? quotaInMemory } : {}),
    ...(meta ? { copy: { madeAt: meta.madeAt, notes: meta.notes, bytes: meta.bytes } } : {}),
  };
}
