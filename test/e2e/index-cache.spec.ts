/**
 * The background's copy of its index in IndexedDB (src/background/index-cache.ts): written after the
 * first read from the package, and a damaged copy is never used: the next wake reads the package
 * file, the page is marked as before, and the copy is written again.
 */
import { expect, needsSharedPages, test } from './support/fixtures';
import { extensionPage } from '../../tools/browser/extension';
import { waitFor, waitForHighlights } from '../../tools/browser/page';
import { launch, type TestPage } from '../../tools/browser/launch';
import { backgroundStopper } from '../../tools/browser/background';
import { REAL_POST } from '../../tools/paths';

test.beforeEach(() => {
  needsSharedPages();
});

const evaluate = <T>(page: TestPage, script: string) => (page as unknown as { evaluate(s: string): Promise<T> }).evaluate(script);

interface CopyState {
  /** The copy's recorded size, its blob's, its magic number and the file size its own header gives; null without a copy. */
  copy: { size: number; blobSize: number; magic: number; headerTotal: number } | null;
}

/** Page-side expression: the background's copy database, opened from an extension page. */
const OPEN_COPY_DB = `new Promise((resolve, reject) => {
        const open = indexedDB.open('dramatis-index-cache');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      })`;

/** Reads the copy from an extension page (same origin as the background, so the same IndexedDB). */
const copyState = (ext: TestPage) =>
  evaluate<CopyState>(
    ext,
    `(async () => {
      const db = await ${OPEN_COPY_DB};
      if (!db.objectStoreNames.contains('files')) { db.close(); return { copy: null }; }
      const record = await new Promise((resolve, reject) => {
        const get = db.transaction('files').objectStore('files').get('index.bin');
        get.onsuccess = () => resolve(get.result);
        get.onerror = () => reject(get.error);
      });
      db.close();
      if (!record) return { copy: null };
      const head = new Uint32Array(await record.blob.slice(0, 36).arrayBuffer());
      return { copy: { size: record.size, blobSize: record.blob.size, magic: head[0], headerTotal: head[8] } };
    })()`,
  );

/** Overwrites the copy's bytes with zeros of the same size, keeping its id: a damaged copy. */
const damageCopy = (ext: TestPage) =>
  evaluate<boolean>(
    ext,
    `(async () => {
      const db = await ${OPEN_COPY_DB};
      const tx = db.transaction('files', 'readwrite');
      const store = tx.objectStore('files');
      const record = await new Promise((resolve) => { const g = store.get('index.bin'); g.onsuccess = () => resolve(g.result); });
      store.put({ ...record, blob: new Blob([new Uint8Array(record.size)]) }, 'index.bin');
      await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
      db.close();
      return true;
    })()`,
  );

const INDEX_MAGIC = 0x584d5244;

test('the index is copied into IndexedDB, and a damaged copy is replaced while the page is marked as before', async ({
  engine,
  server,
}) => {
  const session = await launch(engine);
  try {
    const page = await session.newPage();
    await page.goto(server.url(`/shared/${REAL_POST}`));
    const before = await waitForHighlights(page, 20);
    const ext = await extensionPage(session);
    const first = await waitFor(
      () => copyState(ext),
      (s) => s.copy !== null,
      15_000,
      'the copy of the index',
    );
    // The plain index (the package ships it gzipped): as long as its own header says, all of it there.
    expect(first.copy?.magic).toBe(INDEX_MAGIC);
    expect(first.copy?.size).toBeGreaterThan(1_000_000);
    expect(first.copy?.blobSize).toBe(first.copy?.size);
    expect(first.copy?.headerTotal).toBe(first.copy?.size);

    await damageCopy(ext);
    expect((await copyState(ext)).copy?.magic).toBe(0);
    const stopper = await backgroundStopper(session, page);
    await stopper.stop();
    await page.goto(server.url(`/shared/${REAL_POST}`));
    const after = await waitForHighlights(page, 20);
    expect(after.ranges.length).toBeGreaterThanOrEqual(Math.min(before.ranges.length, 20));
    const again = await waitFor(
      () => copyState(ext),
      (s) => s.copy?.magic === INDEX_MAGIC,
      15_000,
      'a good copy written again',
    );
    expect(again.copy?.headerTotal).toBe(again.copy?.size);
  } finally {
    await session.close();
  }
});
