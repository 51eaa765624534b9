/**
 * Sync at scale, in Node against the real WebDAV server the tests use (rclone serve webdav on
 * 127.0.0.1): the first sync of 10,000 notes (one device uploading them, a second device receiving
 * them) and an incremental sync of one changed note (sent, then received). Each device is the
 * extension's own sync code: the engine, the WebDAV client, Web Crypto (Node's), and the IndexedDB
 * adapter over fake-indexeddb (Node has no IndexedDB; a browser's is faster or slower by its own
 * measure, and the browser's fetch adds little on loopback). Requests are counted through the
 * client's fetch.
 */
// Node has no IndexedDB: the extension's adapter runs over fake-indexeddb here (see above).
import 'fake-indexeddb/auto';
import { startWebDavServer } from '../../tools/webdav-server';
import type { Note } from '../../src/core/notes/model';
import { newDeviceId, newSyncState, syncOnce, unlock, type Unlocked } from '../../src/core/sync/engine';

export interface SyncBench {
  notes: number;
  firstUploadMs: number[];
  firstDownloadMs: number[];
  oneChangeUploadMs: number[];
  oneChangeDownloadMs: number[];
  /** Requests and bytes on the server for the first sync; requests for one incremental round each side. */
  firstRequests: number;
  serverBytes: number;
  serverFiles: number;
  oneChangeRequests: { send: number; receive: number };
  unlockMs: number[];
}

const WORDS = ['Krivitsky', 'Reiss', 'Trotsky', 'Orlov', 'Paris', 'Mexico', 'Spain', 'letter', 'trial', 'agent', 'purge', 'defector'];

function makeNote(i: number, updated: number): Note {
  const text = Array.from({ length: 40 }, (_, j) => WORDS[(i * 7 + j * 13) % WORDS.length]).join(' ') + ` note ${i}`;
  return {
    id: `bench-${i}`,
    kind: 'page',
    text,
    tags: [`t${i % 30}`],
    created: updated,
    updated,
    page: { url: `https://site${i % 5}.example/post-${i % 20}`, title: `Post ${i % 20}` },
  };
}

export async function benchSync(count = 10_000, rounds = 3, incrementalRounds = 7): Promise<SyncBench> {
  const { openDatabase, toStored } = await import('../../src/background/db');
  const { idbSyncStore } = await import('../../src/background/sync-store');
  const { webDavRemote } = await import('../../src/background/webdav');
  const server = await startWebDavServer();
  let requests = 0;
  const counting: typeof fetch = (...args) => {
    requests++;
    return fetch(...args);
  };
  const result: SyncBench = {
    notes: count,
    firstUploadMs: [],
    firstDownloadMs: [],
    oneChangeUploadMs: [],
    oneChangeDownloadMs: [],
    firstRequests: 0,
    serverBytes: 0,
    serverFiles: 0,
    oneChangeRequests: { send: 0, receive: 0 },
    unlockMs: [],
  };
  try {
    for (let round = 0; round < rounds; round++) {
      const url = `${server.url}round${round}/`;
      await fetch(url, { method: 'MKCOL', headers: { authorization: `Basic ${btoa(`${server.user}:${server.password}`)}` } });
      const device = async (name: string) => {
        const conn = await openDatabase(`bench-sync-${round}-${name}`);
        const initial = newSyncState(newDeviceId(), name);
        const remote = webDavRemote({ url, user: server.user, password: server.password }, counting);
        const started = performance.now();
        const unlocked: Unlocked = await unlock(remote, 'bench passphrase');
        result.unlockMs.push(performance.now() - started);
        return { conn, store: idbSyncStore(conn, () => structuredClone(initial)), remote, unlocked };
      };
      const a = await device('a');
      const b = await device('b');
      const base = Date.UTC(2026, 0, 1);
      const tx = a.conn.transaction('notes', 'readwrite');
      for (let i = 0; i < count; i++) void tx.store.put(toStored(makeNote(i, base + i)));
      await tx.done;

      requests = 0;
      let t = performance.now();
      await syncOnce(a.store, a.remote, a.unlocked);
      result.firstUploadMs.push(performance.now() - t);
      t = performance.now();
      const got = await syncOnce(b.store, b.remote, b.unlocked);
      result.firstDownloadMs.push(performance.now() - t);
      if (got.received !== count) throw new Error(`the second device received ${got.received} of ${count} notes`);
      result.firstRequests = requests;
      const files = server.files().filter((f) => f.path.startsWith(`round${round}/`));
      result.serverFiles = files.length;
      result.serverBytes = files.reduce((n, f) => n + f.bytes.length, 0);

      for (let k = 0; k < incrementalRounds; k++) {
        await a.conn.put('notes', toStored(makeNote(k, base + count + k + 1 + round * 100)));
        requests = 0;
        t = performance.now();
        const sent = await syncOnce(a.store, a.remote, a.unlocked);
        result.oneChangeUploadMs.push(performance.now() - t);
        result.oneChangeRequests.send = requests;
        if (sent.sent !== 1) throw new Error(`an incremental round sent ${sent.sent} records instead of 1`);
        requests = 0;
        t = performance.now();
        const received = await syncOnce(b.store, b.remote, b.unlocked);
        result.oneChangeDownloadMs.push(performance.now() - t);
        result.oneChangeRequests.receive = requests;
        if (received.received !== 1) throw new Error(`an incremental round received ${received.received} records instead of 1`);
      }
      a.conn.close();
      b.conn.close();
    }
  } finally {
    await server.close();
  }
  return result;
}
