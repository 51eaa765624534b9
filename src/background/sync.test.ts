/**
 * Sync end to end in Node: two (or three) simulated devices, each with its own IndexedDB
 * (fake-indexeddb, the real adapter), syncing through a real WebDAV server (rclone serve webdav,
 * tools/webdav-server.ts) with the real client and real Web Crypto.
 */
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRclone, RCLONE_HINT, startWebDavServer, type WebDavServer } from '../../tools/webdav-server';
import type { Note } from '../core/notes/model';
import type { PersonalEntity } from '../core/personal';
import { newDeviceId, newSyncState, syncOnce, unlock, SyncError, type Remote, type SyncOptions, type Unlocked } from '../core/sync/engine';
import { openDatabase, useDatabase } from './db';
import { backupData } from './backup-store';
import { idbSyncStore } from './sync-store';
import { testConnection, webDavRemote, WebDavError } from './webdav';

const PASSPHRASE = 'correct horse battery staple';
let server: WebDavServer;

if (!hasRclone()) {
  // CI installs rclone (.ci/run); without it these tests cannot be honest, so they fail with the fix.
  throw new Error(RCLONE_HINT);
}

beforeAll(async () => {
  server = await startWebDavServer();
});
afterAll(async () => {
  await server?.close();
});

let counter = 0;
async function device(name: string, options: { remote?: Remote } = {}) {
  const conn = await openDatabase(`sync-${name}-${++counter}-${Math.random()}`);
  const initial = newSyncState(newDeviceId(), name);
  const store = idbSyncStore(conn, () => structuredClone(initial));
  const remote = options.remote ?? webDavRemote({ url: server.url + `group${groupId}/`, user: server.user, password: server.password });
  let unlocked: Unlocked | undefined;
  return {
    conn,
    store,
    remote,
    /** One round, through `via` when given (a remote that fails on purpose). */
    async sync(opts: SyncOptions = {}, via: Remote = remote) {
      unlocked ??= await unlock(remote, PASSPHRASE);
      return syncOnce(store, via, unlocked, opts);
    },
    notes: async () =>
      (await conn.getAll('notes')).map(({ pageKey: _p, entityKey: _e, ...n }) => n as Note).sort((a, b) => a.id.localeCompare(b.id)),
    put: (note: Note) =>
      conn.put('notes', { ...note, pageKey: note.page?.url ?? '', entityKey: note.kind === 'entity' ? note.entityId : '' } as never),
  };
}

let groupId = 0;
/** Each test its own folder on the server: a fresh sync group. */
async function freshGroup(): Promise<void> {
  groupId++;
  await fetch(`${server.url}group${groupId}/`, {
    method: 'MKCOL',
    headers: { authorization: `Basic ${btoa(`${server.user}:${server.password}`)}` },
  });
}

const note = (id: string, text: string, updated = 1_000): Note => ({
  id,
  kind: 'page',
  text,
  tags: ['spain'],
  created: 1_000,
  updated,
  page: { url: 'https://history.example/krivitsky', title: 'Krivitsky in Paris' },
});

describe('sync through a real WebDAV server', () => {
  it('carries a note from one device to the other, then edits and deletions both ways', async () => {
    await freshGroup();
    const a = await device('Laptop');
    const b = await device('Library');
    await a.put(note('n1', 'Zanzibar marmalade theory'));
    expect((await a.sync()).sent).toBe(1);
    expect((await b.sync()).received).toBe(1);
    expect((await b.notes()).map((n) => n.text)).toEqual(['Zanzibar marmalade theory']);

    await b.put(note('n1', 'Zanzibar marmalade theory, revised', 2_000));
    await b.sync();
    await a.sync();
    expect((await a.notes())[0]!.text).toBe('Zanzibar marmalade theory, revised');

    await a.conn.delete('notes', 'n1');
    await a.put(note('n2', 'second note'));
    await a.sync();
    await b.sync();
    expect((await b.notes()).map((n) => n.id)).toEqual(['n2']);

    await b.conn.delete('notes', 'n2');
    await b.sync();
    await a.sync();
    expect(await a.notes()).toEqual([]);
  });

  it('keeps both sides of concurrent edits: the newer wins, the other becomes a visible conflict copy on every device', async () => {
    await freshGroup();
    const a = await device('Laptop');
    const b = await device('Library');
    await a.put(note('n1', 'original'));
    await a.sync();
    await b.sync();
    await a.put(note('n1', 'edited on the laptop', 2_000));
    await b.put(note('n1', 'edited in the library', 3_000));
    await a.sync();
    const rb = await b.sync();
    expect(rb.conflicts).toBe(1);
    await a.sync();
    await b.sync();
    const onA = await a.notes();
    const onB = await b.notes();
    expect(onA).toEqual(onB);
    expect(onA).toHaveLength(2);
    expect(onA.find((n) => n.id === 'n1')!.text).toBe('edited in the library');
    const copy = onA.find((n) => n.id !== 'n1')!;
    expect(copy.text).toBe('(conflict copy from Laptop)\n\nedited on the laptop');
    // Nothing more to do: the two devices agree and stay agreed.
    expect((await a.sync()).received + (await b.sync()).received).toBe(0);
    expect((await a.sync()).sent + (await b.sync()).sent).toBe(0);
  });

  it('keeps an edit made while another device deleted the same note', async () => {
    await freshGroup();
    const a = await device('Laptop');
    const b = await device('Library');
    await a.put(note('n1', 'keep me'));
    await a.sync();
    await b.sync();
    await a.conn.delete('notes', 'n1');
    await b.put(note('n1', 'keep me, edited', 5_000));
    await a.sync();
    await b.sync();
    await a.sync();
    expect((await a.notes()).map((n) => n.text)).toEqual(['keep me, edited']);
    expect((await b.notes()).map((n) => n.text)).toEqual(['keep me, edited']);
  });

  it('syncs tracked names and settings, and a new device does not reset the settings', async () => {
    await freshGroup();
    const a = await device('Laptop');
    const b = await device('Library');
    const person: PersonalEntity = {
      id: 'personal-x1',
      type: 'person',
      name: 'Ignace Reiss',
      aliases: ['Ludwik'],
      description: '',
      created: 1,
      updated: 1,
    };
    await a.conn.put('personal', person);
    await a.conn.put('settings', { highlightsEnabled: false, disabledSites: ['news.example'] } as never, 'settings');
    await a.sync();
    await b.sync();
    expect(await b.conn.getAll('personal')).toEqual([person]);
    expect(await b.conn.get('settings', 'settings')).toMatchObject({ highlightsEnabled: false, disabledSites: ['news.example'] });
  });

  it('refuses a wrong passphrase and changes nothing, here or on the server', async () => {
    await freshGroup();
    const a = await device('Laptop');
    await a.put(note('n1', 'secret'));
    await a.sync();
    const before = server.files().map((f) => [f.path, f.bytes.toString('base64')]);
    const remote = webDavRemote({ url: server.url + `group${groupId}/`, user: server.user, password: server.password });
    const err = await unlock(remote, 'not the passphrase').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncError);
    expect((err as SyncError).code).toBe('wrong-passphrase');
    expect(server.files().map((f) => [f.path, f.bytes.toString('base64')])).toEqual(before);
  });

  it('stores no note text, title, URL or tag on the server, and names that reveal nothing', async () => {
    await freshGroup();
    const a = await device('Laptop');
    await a.put(note('n-unique-id-123', 'Quetzalcoatl pineapple manuscript'));
    await a.sync();
    const files = server.files().filter((f) => f.path.startsWith(`group${groupId}/`));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      const text = f.bytes.toString('latin1');
      for (const secret of ['Quetzalcoatl', 'pineapple', 'Krivitsky', 'history.example', 'spain', 'n-unique-id-123', 'Laptop'])
        expect(text.includes(secret), `${f.path} contains ${secret}`).toBe(false);
      expect(f.path).toMatch(/^group\d+\/Dramatis-sync\/(dramatis-sync\.json|[0-9a-f]{32}\/\d{8}\.bin)$/);
    }
  });

  it('loses nothing and duplicates nothing when the server stops mid-sync and when the worker dies after an upload', async () => {
    await freshGroup();
    const a = await device('Laptop');
    const b = await device('Library');
    for (let i = 0; i < 1_200; i++) await a.put(note(`n${String(i).padStart(4, '0')}`, `note ${i}`));
    // Stop the server after the first of three batches is uploaded.
    let uploaded = 0;
    const stopped = await a
      .sync({
        onStep: async (step) => {
          if (step === 'uploaded-file' && ++uploaded === 1) await server.stop();
        },
      })
      .catch((e: unknown) => e);
    expect(stopped).toBeInstanceOf(WebDavError);
    expect((stopped as WebDavError).code).toBe('unreachable');
    await server.start();
    // The worker "dies" right after the server stored the next batch, before it could note that.
    const dying: Remote = {
      ...a.remote,
      put: async (path, bytes) => {
        await a.remote.put(path, bytes);
        throw new Error('worker stopped');
      },
    };
    await expect(a.sync({}, dying)).rejects.toThrow('worker stopped');
    await a.sync();
    const batches = server.files().filter((f) => f.path.startsWith(`group${groupId}/`) && f.path.endsWith('.bin'));
    expect(batches).toHaveLength(3);
    await b.sync();
    const got = await b.notes();
    expect(got).toHaveLength(1_200);
    expect(new Set(got.map((n) => n.id)).size).toBe(1_200);
    expect(await b.notes()).toEqual(await a.notes());
  });

  it('reports and skips a damaged or foreign file, applying nothing of it and everything else', async () => {
    await freshGroup();
    const a = await device('Laptop');
    const b = await device('Library');
    await a.put(note('n1', 'first'));
    await a.sync();
    await a.put(note('n2', 'second'));
    await a.sync();
    const second = server.files().find((f) => f.path.startsWith(`group${groupId}/`) && f.path.endsWith('00000002.bin'))!;
    const bytes = Buffer.from(second.bytes);
    bytes[bytes.length - 5]! ^= 0xff;
    writeFileSync(join(server.dir, second.path), bytes);
    const report = await b.sync();
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatch(/could not be decrypted/);
    expect((await b.notes()).map((n) => n.id)).toEqual(['n1']);
    // Put right on the server (the device wrote it again), it is applied on the next round.
    writeFileSync(join(server.dir, second.path), second.bytes);
    expect((await b.sync()).problems).toEqual([]);
    expect((await b.notes()).map((n) => n.id)).toEqual(['n1', 'n2']);
  });
});

describe('credentials stay on the device', () => {
  it('never puts the sync config (server, user, app password) into a backup', async () => {
    const conn = await openDatabase(`sync-backup-${Math.random()}`);
    useDatabase(Promise.resolve(conn));
    await conn.put('notes', { ...note('n1', 'a note'), pageKey: 'https://history.example/krivitsky', entityKey: '' } as never);
    await conn.put(
      'sync',
      {
        account: { url: 'https://dav.example/', user: 'reader-7', password: 'app-password-secret' },
        deviceName: 'Laptop',
        salt: 'c2FsdA==',
      } as never,
      'config',
    );
    const backup = JSON.stringify(await backupData());
    expect(backup).toContain('a note');
    for (const secret of ['app-password-secret', 'reader-7', 'dav.example']) expect(backup).not.toContain(secret);
  });
});

describe('the WebDAV client names what is wrong', () => {
  const config = () => ({ url: server.url, user: server.user, password: server.password });
  const codeOf = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: unknown) => (e instanceof WebDavError ? e.code : String(e)),
    );

  it('accepts the real server, and refuses wrong credentials, a closed port, and a plain web server', async () => {
    expect(await codeOf(testConnection(config()))).toBe('ok');
    expect(await codeOf(testConnection({ ...config(), password: 'wrong' }))).toBe('credentials');
    expect(await codeOf(testConnection({ ...config(), url: 'http://127.0.0.1:9/' }))).toBe('unreachable');
    const plain = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hello</html>'));
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
    const port = (plain.address() as { port: number }).port;
    expect(await codeOf(testConnection({ ...config(), url: `http://127.0.0.1:${port}/` }))).toBe('not-webdav');
    plain.close();
  });

  it('says "no space" for 507 and "not writable" for 403 (a server that answers those to writes)', async () => {
    for (const [status, code] of [
      [507, 'no-space'],
      [403, 'forbidden'],
    ] as const) {
      // rclone cannot be made to run out of space or refuse writes, so this server answers WebDAV
      // listings like one and refuses every write with the status under test.
      const refusing = createServer((req, res) => {
        if (req.method === 'PROPFIND')
          res
            .writeHead(207, { 'content-type': 'application/xml' })
            .end('<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"><d:response><d:href>/</d:href></d:response></d:multistatus>');
        else res.writeHead(status).end();
      });
      await new Promise<void>((r) => refusing.listen(0, '127.0.0.1', r));
      const port = (refusing.address() as { port: number }).port;
      expect(await codeOf(testConnection({ ...config(), url: `http://127.0.0.1:${port}/` }))).toBe(code);
      refusing.close();
    }
  });

  it('refuses addresses that would send the password in clear over the network', async () => {
    expect(await codeOf(testConnection({ ...config(), url: 'http://cloud.example.org/dav/' }))).toBe('bad-url');
    expect(await codeOf(testConnection({ ...config(), url: 'not a url' }))).toBe('bad-url');
  });
});
