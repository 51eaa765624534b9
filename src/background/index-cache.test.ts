import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BINARY_INDEX_VERSION, INDEX_MAGIC } from '../core/index/binary-layout';
import { dropCachedIndex, INDEX_CACHE_DB, readCachedIndex, writeCachedIndex } from './index-cache';

/** A buffer with an index header of this version (magic, version) and a recognisable body. */
function fakeIndex(size: number, version = BINARY_INDEX_VERSION): ArrayBuffer {
  const bytes = new ArrayBuffer(size);
  new Uint32Array(bytes, 0, 2).set([INDEX_MAGIC, version]);
  new Uint8Array(bytes).fill(7, 8);
  return bytes;
}

async function putRaw(record: unknown): Promise<void> {
  const open = indexedDB.open(INDEX_CACHE_DB, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('files');
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const tx = db.transaction('files', 'readwrite');
  tx.objectStore('files').put(record, 'index.bin');
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
}

describe('the IndexedDB copy of the bundled index', () => {
  it('gives back the same bytes for the same build id, and nothing for another build', async () => {
    await dropCachedIndex();
    expect(await readCachedIndex('build-a')).toBeUndefined();
    const bytes = fakeIndex(4096);
    await writeCachedIndex('build-a', bytes);
    const read = await readCachedIndex('build-a');
    expect(read && new Uint8Array(read)).toEqual(new Uint8Array(bytes));
    expect(await readCachedIndex('build-b')).toBeUndefined();
  });

  it('keeps one copy: a newer build replaces the older', async () => {
    await writeCachedIndex('build-a', fakeIndex(1024));
    await writeCachedIndex('build-b', fakeIndex(2048));
    expect(await readCachedIndex('build-a')).toBeUndefined();
    expect((await readCachedIndex('build-b'))?.byteLength).toBe(2048);
  });

  it('never hands over a copy that is not an index of this version or not of its recorded size', async () => {
    await writeCachedIndex('old-format', fakeIndex(1024, BINARY_INDEX_VERSION - 1));
    expect(await readCachedIndex('old-format')).toBeUndefined();
    await putRaw({ id: 'cut', size: 4096, blob: new Blob([fakeIndex(1024)]) });
    expect(await readCachedIndex('cut')).toBeUndefined();
    await putRaw({ id: 'not-a-blob', size: 1024, blob: 'garbage' });
    expect(await readCachedIndex('not-a-blob')).toBeUndefined();
    await dropCachedIndex();
    expect(await readCachedIndex('cut')).toBeUndefined();
  });
});
