/**
 * A copy of the bundled index (data/index.bin) in the extension's IndexedDB, so that a woken worker
 * reads its 4 MB from there instead of from the package. Why: in Chromium, fetch() of a packaged
 * file goes through the browser's URL loader and took 4-8x as long as reading the same bytes back
 * from IndexedDB as a Blob (extension page, 7 rounds each, 2026-12-07: 800 ms against 103 ms by the
 * median on a loaded machine; docs/PERFORMANCE.md, "Session 6"), and the read is the longest step
 * of a cold start. The copy is written once per build (keyed by the index's hash, which the build
 * defines as __DRAMATIS_INDEX_ID__), after the first read from the package; a copy from another
 * build, a damaged one or any IndexedDB failure is never used: the package file is read instead.
 * Its own small database, apart from the reader's notes (db.ts), so a cache never touches their
 * schema or their backups; losing it loses nothing.
 */
import { BINARY_INDEX_VERSION, INDEX_MAGIC } from '../core/index/binary-layout';

declare const __DRAMATIS_INDEX_ID__: string | undefined;

/** This build's index id, or undefined where no build defined it (Node tests): then nothing is cached. */
export const INDEX_ID: string | undefined = typeof __DRAMATIS_INDEX_ID__ === 'string' ? __DRAMATIS_INDEX_ID__ : undefined;

export const INDEX_CACHE_DB = 'dramatis-index-cache';
const STORE = 'files';
const KEY = 'index.bin';

interface CachedIndex {
  id: string;
  size: number;
  blob: Blob;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Opens (creating on first use) the cache database; the open request starts synchronously. */
function openCache(): Promise<IDBDatabase> {
  const open = indexedDB.open(INDEX_CACHE_DB, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  return request(open);
}

/** A buffer that starts as an index of the version this code reads, and has the size recorded with it. */
function looksLikeIndex(bytes: ArrayBuffer, size: number): boolean {
  if (bytes.byteLength !== size || bytes.byteLength < 8) return false;
  const head = new Uint32Array(bytes, 0, 2);
  return head[0] === INDEX_MAGIC && head[1] === BINARY_INDEX_VERSION;
}

/** The cached copy of index `id`, or undefined when there is none, it is another build's, or it cannot be read. */
export async function readCachedIndex(id: string): Promise<ArrayBuffer | undefined> {
  try {
    const db = await openCache();
    try {
      const record = (await request(db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY))) as CachedIndex | undefined;
      if (!record || record.id !== id || !(record.blob instanceof Blob)) return undefined;
      const bytes = await record.blob.arrayBuffer();
      return looksLikeIndex(bytes, record.size) ? bytes : undefined;
    } finally {
      db.close();
    }
  } catch {
    return undefined; // no IndexedDB (private modes), a failed open or read: the package file serves
  }
}

/**
 * Stores `bytes` as the copy of index `id`, replacing any older build's. One transaction: a worker
 * stopped mid-write leaves the old record or none, never a partial one. Failures are swallowed (the
 * next wake reads the package file again); the promise settles when the write is durable or failed.
 */
export async function writeCachedIndex(id: string, bytes: ArrayBuffer): Promise<void> {
  try {
    const db = await openCache();
    try {
      const tx = db.transaction(STORE, 'readwrite');
      const done = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
      });
      const record: CachedIndex = { id, size: bytes.byteLength, blob: new Blob([bytes]) };
      tx.objectStore(STORE).put(record, KEY);
      await done;
    } finally {
      db.close();
    }
  } catch {
    // Quota, a private mode, a closing browser: the cache is only a shortcut.
  }
}

/** Removes the copy (a copy that would not read as an index must not be read again). */
export async function dropCachedIndex(): Promise<void> {
  try {
    const db = await openCache();
    try {
      await request(db.transaction(STORE, 'readwrite').objectStore(STORE).delete(KEY));
    } finally {
      db.close();
    }
  } catch {
    // Nothing to do: the next read checks the copy again.
  }
}
