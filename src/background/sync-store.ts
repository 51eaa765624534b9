/**
 * Sync's view of this device's IndexedDB (a LocalStore for src/core/sync/engine.ts): the synced
 * records read from their own stores (notes, tracked names, settings), and sync's bookkeeping in the
 * `sync` store: per-record versions under "m:<kind>:<id>", the round state under "state".
 * A commit writes records, versions and state in ONE transaction over all of them, after checking
 * that no record changed since sync read it; so a worker stopped mid-round leaves either all of a
 * batch applied or none of it.
 *
 * Wiring another kind (corrections, packs): a store with keyPath "id", its KindSpec in
 * src/core/sync/records.ts, and one line in STORES below.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Commit, LocalRecord, LocalSnapshot, LocalStore, RecordMeta, SyncState } from '../core/sync/engine';
import { valueHash } from '../core/sync/records';
import { DEFAULT_SETTINGS } from '../core/protocol/messages';
import { fromStored, toStored, type DramatisDB } from './db';

/** Kind -> its keyed store, and how a stored row becomes the synced value and back. */
const STORES = {
  note: { store: 'notes', out: (row: unknown) => fromStored(row as never), in: (value: unknown) => toStored(value as never) },
  personal: { store: 'personal', out: (row: unknown) => row, in: (value: unknown) => value },
  correction: { store: 'corrections', out: (row: unknown) => row, in: (value: unknown) => value },
  pack: { store: 'packs', out: (row: unknown) => row, in: (value: unknown) => value },
} as const satisfies Record<string, { store: StoreNames<DramatisDB>; out(row: unknown): unknown; in(value: unknown): unknown }>;

type KeyedKind = keyof typeof STORES;
const isKeyed = (kind: string): kind is KeyedKind => Object.hasOwn(STORES, kind);

const META_PREFIX = 'm:';
const STATE_KEY = 'state';
const TOUCHED: StoreNames<DramatisDB>[] = ['notes', 'personal', 'corrections', 'packs', 'settings', 'sync'];

export interface SyncStoreHooks {
  /** After a commit that wrote records of these kinds (caches to drop, the matcher to reload). */
  written?(kinds: Set<string>): void;
}

export function idbSyncStore(conn: IDBPDatabase<DramatisDB>, initialState: () => SyncState, hooks: SyncStoreHooks = {}): LocalStore {
  return {
    async read(): Promise<LocalSnapshot> {
      const tx = conn.transaction(TOUCHED, 'readonly');
      const records: LocalRecord[] = [];
      for (const [kind, spec] of Object.entries(STORES)) {
        for (const row of await tx.objectStore(spec.store).getAll()) {
          const value = spec.out(row) as { id: string };
          records.push({ kind, id: value.id, value });
        }
      }
      records.push({
        kind: 'settings',
        id: 'settings',
        value: { ...DEFAULT_SETTINGS, ...(await tx.objectStore('settings').get('settings')) },
      });
      const sync = tx.objectStore('sync');
      const range = IDBKeyRange.bound(META_PREFIX, `${META_PREFIX}\uffff`);
      const [keys, metas, state] = await Promise.all([sync.getAllKeys(range), sync.getAll(range), sync.get(STATE_KEY)]);
      await tx.done;
      const meta = new Map<string, RecordMeta>();
      keys.forEach((k, i) => meta.set(String(k).slice(META_PREFIX.length), metas[i] as RecordMeta));
      return { records, meta, state: (state as SyncState | undefined) ?? initialState() };
    },

    async commit(commit: Commit): Promise<boolean> {
      const tx = conn.transaction(TOUCHED, 'readwrite');
      const kinds = new Set<string>();
      try {
        for (const w of commit.writes) {
          if (!(await writeRecord(tx, w))) {
            tx.abort();
            await tx.done.catch(() => undefined);
            return false;
          }
          kinds.add(w.kind);
        }
        const sync = tx.objectStore('sync');
        for (const { key, meta } of commit.meta) await sync.put(meta, META_PREFIX + key);
        await sync.put(commit.state, STATE_KEY);
        await tx.done;
      } catch (err) {
        try {
          tx.abort();
        } catch {
          /* already finished */
        }
        throw err;
      }
      if (kinds.size > 0) hooks.written?.(kinds);
      return true;
    },
  };
}

type Tx = IDBPTransaction<DramatisDB, StoreNames<DramatisDB>[], 'readwrite'>;

/** Writes one record if the stored one is still what sync decided on; false when it changed meanwhile. */
async function writeRecord(tx: Tx, w: Commit['writes'][number]): Promise<boolean> {
  if (w.kind === 'settings') {
    const store = tx.objectStore('settings');
    const now = { ...DEFAULT_SETTINGS, ...(await store.get('settings')) };
    if (valueHash(now) !== w.expect) return false;
    if (w.value !== null) await store.put(w.value as never, 'settings');
    return true;
  }
  if (!isKeyed(w.kind)) throw new Error(`sync has no store for the kind "${w.kind}"`);
  const spec = STORES[w.kind];
  const store = tx.objectStore(spec.store);
  const row = await store.get(w.id);
  if (valueHash(row === undefined ? null : spec.out(row)) !== w.expect) return false;
  if (w.value === null) await store.delete(w.id);
  else await store.put(spec.in(w.value) as never);
  return true;
}

/** Forgets every version and the round state (stop syncing): the records themselves stay. */
export async function clearSyncBookkeeping(conn: IDBPDatabase<DramatisDB>): Promise<void> {
  const tx = conn.transaction('sync', 'readwrite');
  await tx.store.delete(IDBKeyRange.bound(META_PREFIX, `${META_PREFIX}\uffff`));
  await tx.store.delete(STATE_KEY);
  await tx.done;
}
