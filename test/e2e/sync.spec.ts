/**
 * Sync between two real browsers, one Chromium and one Firefox, each with its own profile and the
 * built extension, through the same real WebDAV server (rclone, tools/webdav-server.ts), set up the
 * way a reader does on the options page. Each project runs it with its own engine as the first
 * device and the other engine as the second. Plus: with sync off the extension makes no request.
 */
import type { Request as PwRequest } from '@playwright/test';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DIST_CHROME, OUT_DIR } from '../../tools/paths';
import { expect, test } from './support/fixtures';
import { launchChromium, launchFirefox, type Engine, type ExtensionSession, type TestPage } from '../../tools/browser/launch';
import { openExtensionPage } from '../../tools/browser/page';
import { startWebDavServer, type WebDavServer } from '../../tools/webdav-server';
import { FIREFOX_OWN_REQUESTS, firefoxProxyPrefs, startRecordingProxy } from '../../tools/browser/recording-proxy';
import type { Note } from '../../src/core/notes/model';
import type { SyncStatus } from '../../src/core/protocol/messages';

const PASSPHRASE = 'a long sync passphrase';
const evaluate = <T>(page: TestPage, script: string) => (page as unknown as { evaluate(s: string): Promise<T> }).evaluate(script);

interface Device {
  name: string;
  session: ExtensionSession;
  /** The options page, open for the whole test. */
  options: TestPage;
}

/** Sends a message to the background from an extension page, as the options page does. */
async function message<T>(page: TestPage, msg: object): Promise<T> {
  const reply = await evaluate<{ ok: boolean; value?: T; error?: string }>(
    page,
    `(globalThis.browser ?? globalThis.chrome).runtime.sendMessage(${JSON.stringify(msg)})`,
  );
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as T;
}

const status = (d: Device) => message<SyncStatus>(d.options, { type: 'sync.status' });
/** Every note on a device, page by page (the query answers at most 500 at a time). */
async function allNotes(d: Device): Promise<Note[]> {
  const out: Note[] = [];
  for (;;) {
    const page = await message<{ notes: Note[]; total: number }>(d.options, {
      type: 'notes.query',
      query: { limit: 500, offset: out.length, sort: 'oldest' },
    });
    out.push(...page.notes);
    if (page.notes.length === 0 || out.length >= page.total) return out;
  }
}
const save = (d: Device, note: Note) => message<Note>(d.options, { type: 'notes.save', note });

/** Types into the options page's field with this label (as input events, so Preact sees them). */
async function fill(page: TestPage, label: string, value: string): Promise<void> {
  const ok = await evaluate<boolean>(
    page,
    `(() => {
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim().startsWith(${JSON.stringify(label)}));
    const input = label && label.querySelector('input');
    if (!input) return false;
    input.value = ${JSON.stringify(value)};
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return true;
  })()`,
  );
  if (!ok) throw new Error(`no field labelled "${label}"`);
}

/** Clicks the button with this text with the real mouse: the permission request needs a user gesture. */
async function click(page: TestPage, text: string): Promise<void> {
  const at = await evaluate<{ x: number; y: number } | null>(
    page,
    `(() => {
    const b = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(text)});
    if (!b) return null;
    b.scrollIntoView({ block: 'center' });
    const r = b.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  })()`,
  );
  if (!at) throw new Error(`no button "${text}"`);
  await page.mouse.click(at.x, at.y);
}

const statusText = (page: TestPage) =>
  evaluate<string>(page, `[...document.querySelectorAll('#sync [role=status]')].map((e) => e.textContent).join(' ')`);

async function setUp(d: Device, server: WebDavServer, passphrase = PASSPHRASE): Promise<void> {
  await fill(d.options, 'WebDAV folder address', server.url);
  await fill(d.options, 'User name', server.user);
  await fill(d.options, 'App password', server.password);
  await fill(d.options, 'Sync passphrase', passphrase);
  await fill(d.options, "This device's name", d.name);
  await click(d.options, 'Turn on sync');
}

/** "Sync now" on the options page, then waits for that round to finish well. */
async function syncNow(d: Device): Promise<SyncStatus> {
  // A round already running (after a change) disables the button: let it end first.
  await expect.poll(async () => (await status(d)).running, { timeout: 30_000 }).toBe(false);
  const before = (await status(d)).lastAttempt ?? 0;
  let s = await status(d);
  const started = async () => ((s = await status(d)), s.running || (s.lastAttempt ?? 0) > before);
  // The status line above the button changes height as rounds end, so a click may land beside it: check it took.
  for (let attempt = 0; attempt < 3 && !(await started()); attempt++) {
    await click(d.options, 'Sync now');
    await expect
      .poll(started, { timeout: 3_000 })
      .toBe(true)
      .catch(() => undefined);
  }
  await expect.poll(async () => ((s = await status(d)), !s.running && (s.lastAttempt ?? 0) > before), { timeout: 30_000 }).toBe(true);
  expect(s.outcome, s.detail).toBe('ok');
  return s;
}

/**
 * The browsers' own permission prompt cannot be clicked by automation. Firefox has a pref that
 * grants optional permissions without the prompt; for Chromium, a copy of the build whose manifest
 * already holds the test server's origin (as if the reader had clicked "Allow"), so the options
 * page's permissions.request resolves at once. Everything after the prompt is the real extension.
 */
function chromiumGranted(): string {
  const dir = join(OUT_DIR, 'e2e-sync-chrome');
  rmSync(dir, { recursive: true, force: true });
  cpSync(DIST_CHROME, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: ['http://127.0.0.1/*'] }));
  return dir;
}

function launchSession(engine: Engine) {
  return engine === 'chromium'
    ? launchChromium({ probe: false, extensionDir: chromiumGranted() })
    : launchFirefox({ probe: false, prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
}

async function launchDevice(engine: Engine, name: string): Promise<Device> {
  const session = await launchSession(engine);
  const options = await session.newPage();
  await openExtensionPage(options, `${session.extensionOrigin}/options.html`);
  return { name, session, options };
}

const note = (id: string, text: string, updated: number): Note => ({
  id,
  kind: 'page',
  text,
  tags: ['sync'],
  created: 1_700_000_000_000,
  updated,
  page: { url: 'https://history.example/reiss', title: 'Ignace Reiss' },
});

test.describe('sync between Chromium and Firefox through a real WebDAV server', () => {
  test.describe.configure({ timeout: 240_000 });

  test('notes, edits, deletions and conflicts travel both ways; the server holds no note text; a wrong passphrase is refused', async ({
    engine,
  }) => {
    const other: Engine = engine === 'chromium' ? 'firefox' : 'chromium';
    const server = await startWebDavServer();
    const a = await launchDevice(engine, `First ${engine}`);
    const b = await launchDevice(other, `Second ${other}`);
    try {
      // A sets sync up and writes a note.
      await setUp(a, server);
      await expect.poll(async () => (await status(a)).outcome, { timeout: 60_000 }).toBe('ok');
      await save(a, note('e2e-1', 'Reiss wrote to the Central Committee: Xylophone-Marigold', 1_700_000_001_000));
      await syncNow(a);

      // B with a wrong passphrase: refused, nothing changed here or on the server.
      const serverBefore = server.files().map((f) => `${f.path}:${f.bytes.toString('base64')}`);
      await save(b, note('e2e-b-own', 'B had this before sync', 1_700_000_000_500));
      await setUp(b, server, 'not the right passphrase');
      await expect.poll(() => statusText(b.options), { timeout: 60_000 }).toContain('Wrong passphrase');
      expect((await status(b)).enabled).toBe(false);
      expect((await allNotes(b)).map((n) => n.id)).toEqual(['e2e-b-own']);
      expect(server.files().map((f) => `${f.path}:${f.bytes.toString('base64')}`)).toEqual(serverBefore);

      // B with the right one: A's note arrives, and B's own goes to A.
      await setUp(b, server);
      await expect.poll(async () => (await allNotes(b)).map((n) => n.id).sort(), { timeout: 60_000 }).toEqual(['e2e-1', 'e2e-b-own']);
      await syncNow(a);
      expect((await allNotes(a)).map((n) => n.id).sort()).toEqual(['e2e-1', 'e2e-b-own']);

      // An edit on B reaches A; a deletion on A reaches B.
      await save(b, note('e2e-1', 'Edited on B: Xylophone-Marigold, second draft', 1_700_000_002_000));
      await syncNow(b);
      await syncNow(a);
      expect((await allNotes(a)).find((n) => n.id === 'e2e-1')!.text).toBe('Edited on B: Xylophone-Marigold, second draft');
      await message(a.options, { type: 'notes.delete', id: 'e2e-b-own' });
      await syncNow(a);
      await syncNow(b);
      expect((await allNotes(b)).map((n) => n.id)).toEqual(['e2e-1']);

      // Concurrent edits: the newer (B's) wins, A's is kept as a visible conflict copy, on both.
      await save(a, note('e2e-1', 'A says: Xylophone-Marigold in Lausanne', 1_700_000_003_000));
      await save(b, note('e2e-1', 'B says: Xylophone-Marigold in Paris', 1_700_000_004_000));
      await syncNow(a);
      expect((await syncNow(b)).conflicts).toBe(1);
      await syncNow(a);
      for (const d of [a, b]) {
        const notes = await allNotes(d);
        expect(notes.map((n) => n.text).sort()).toEqual([
          `(conflict copy from ${a.name})\n\nA says: Xylophone-Marigold in Lausanne`,
          'B says: Xylophone-Marigold in Paris',
        ]);
      }

      // The server: a header and sealed batches, none with a word of the notes, titles or addresses.
      const files = server.files();
      expect(files.length).toBeGreaterThan(3);
      for (const f of files) {
        const text = f.bytes.toString('latin1');
        for (const secret of ['Xylophone', 'Marigold', 'Reiss', 'history.example', 'Lausanne', 'e2e-1', a.name, b.name])
          expect(text.includes(secret), `${f.path} contains "${secret}"`).toBe(false);
      }

      // The server stops mid-sync: nothing is lost or doubled once it is back.
      for (let i = 0; i < 1_100; i += 100)
        await evaluate(
          a.options,
          `Promise.all(Array.from({ length: 100 }, (_, k) => (globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'notes.save', note: ${JSON.stringify(
            note('bulk-', 'bulk note', 1_700_000_005_000),
          )} }).then(() => 0)))`.replace(/"id":"bulk-"/, `"id":"bulk-" + (${i} + k)`),
        );
      const batchesBefore = server.files().filter((f) => f.path.endsWith('.bin')).length;
      await click(a.options, 'Sync now');
      await expect
        .poll(() => server.files().filter((f) => f.path.endsWith('.bin')).length, { timeout: 30_000, intervals: [20] })
        .toBeGreaterThan(batchesBefore);
      await server.stop();
      await expect.poll(async () => (await status(a)).running, { timeout: 30_000 }).toBe(false);
      const failed = await status(a);
      expect(failed.outcome).toBe('error');
      expect(failed.problem).toBe('unreachable');
      expect(failed.nextRetry).toBeGreaterThan(Date.now());
      await server.start();
      await syncNow(a);
      await syncNow(b);
      const onB = await allNotes(b);
      expect(onB.filter((n) => n.id.startsWith('bulk-'))).toHaveLength(1_100);
      expect(new Set(onB.map((n) => n.id)).size).toBe(onB.length);
      expect(onB).toHaveLength((await allNotes(a)).length);
    } finally {
      await a.session.close();
      await b.session.close();
      await server.close();
    }
  });
});

/**
 * Watching every request: in Chromium, Playwright's request events (pages and the extension's
 * service worker); in Firefox, whose background page BiDi network events do not cover, a recording
 * proxy that every request of the browser goes through, loopback included.
 */
async function recordedSession(engine: Engine): Promise<{ session: ExtensionSession; requests(): string[]; close(): Promise<void> }> {
  if (engine === 'chromium') {
    const session = await launchChromium({ probe: false, extensionDir: chromiumGranted() });
    const seen: string[] = [];
    session.context.on('request', (r: PwRequest) => seen.push(r.url()));
    return { session, requests: () => seen, close: () => session.close() };
  }
  const proxy = await startRecordingProxy();
  const session = await launchFirefox({
    probe: false,
    prefs: { ...firefoxProxyPrefs(proxy.port), 'extensions.webextOptionalPermissionPrompts': false },
  });
  return {
    session,
    requests: () => proxy.requests.filter((r) => !FIREFOX_OWN_REQUESTS.includes(r)),
    close: async () => {
      await session.close();
      await proxy.close();
    },
  };
}

test('with sync off, the extension makes no network request; with sync on, only to the reader’s server', async ({
  engine,
  server: pages,
}) => {
  test.setTimeout(240_000);
  const recorded = await recordedSession(engine);
  const { session } = recorded;
  const webdav = await startWebDavServer();
  const outside = () => recorded.requests().filter((u) => !u.startsWith(session.extensionOrigin) && !u.startsWith(pages.origin));
  try {
    // Everything a reader does without sync: a page with names, a note, the popup, the notebook, the options page.
    const page = await session.newPage();
    await page.goto(pages.url('/demo/defectors-1937.html'));
    const options = await session.newPage();
    await openExtensionPage(options, `${session.extensionOrigin}/options.html`);
    // The set-up form is clean for axe (labels, contrast in this colour scheme, roles).
    await evaluate(options, `${readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')}\n;void 0`);
    expect(
      await evaluate(
        options,
        `axe.run(document.getElementById('sync'), { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.help))`,
      ),
    ).toEqual([]);
    await message(options, { type: 'notes.save', note: note('off-1', 'written with sync off', 1_700_000_000_000) });
    const popup = await session.newPage();
    await openExtensionPage(popup, `${session.extensionOrigin}/popup.html`);
    const notebook = await session.newPage();
    await openExtensionPage(notebook, `${session.extensionOrigin}/notebook.html`);
    // Longer than the debounce after a change, so a round that would start would have started.
    await new Promise((r) => setTimeout(r, 6_000));
    expect(recorded.requests().some((u) => u.startsWith(pages.origin))).toBe(true);
    expect(outside()).toEqual([]);

    // The same recorder sees sync's requests once sync is on (so "none" above is a real none).
    const device: Device = { name: 'Recorder', session, options };
    await setUp(device, webdav);
    await expect.poll(async () => (await status(device)).outcome, { timeout: 60_000 }).toBe('ok');
    expect(outside().length).toBeGreaterThan(0);
    expect(outside().filter((u) => !u.startsWith(webdav.url))).toEqual([]);
  } finally {
    await recorded.close();
    await webdav.close();
  }
});
