/**
 * A full disk (issue 12, deliverable 3): the browser's profile lives on a small tmpfs, notes are
 * saved until the disk is full and on past it. Afterwards every acknowledged note is still there,
 * or, where the browser itself lost the store, Dramatis says so (storage.status), refuses to
 * write into the emptied store, and its safety copy restores. The first full-disk error is
 * remembered with the storage used, for the notebook's warning. Needs root to mount the tmpfs
 * (the test container runs as root); elsewhere it is skipped with that reason.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { launchChromium, launchFirefox, type ExtensionSession, type TestPage } from '../../tools/browser/launch';
import { openExtensionPage } from '../../tools/browser/page';
import { pageBundle } from '../../tools/browser/page-bundle';

const evaluate = <T>(page: TestPage, script: string) => (page as unknown as { evaluate(s: string): Promise<T> }).evaluate(script);

/** Room left for Dramatis once the browser's own profile files are written. */
const ROOM_MB = 12;
const NOTE_CHARS = 120_000;

function mountTmpfs(dir: string, megabytes: number): string | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'pipe' });
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message.split('\n')[0] : String(err);
  }
}

const freeBytes = (dir: string): number => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};

async function status(page: TestPage) {
  return evaluate<{ safety?: { lost?: { expected: number; found: number }; quotaError?: { usage?: number }; copy?: { notes: number } } }>(
    page,
    `(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      return (await api.runtime.sendMessage({ type: 'storage.status' })).value;
    })()`,
  );
}

test('a full disk loses no acknowledged note, or says so and restores the safety copy', async ({ engine }) => {
  test.setTimeout(300_000);
  const root = mkdtempSync(join(tmpdir(), `dramatis-disk-${engine}-`));
  const failure = mountTmpfs(root, 400);
  test.skip(failure !== undefined, `cannot mount a tmpfs (needs root): ${failure}`);
  const profileDir = join(root, 'profile');
  mkdirSync(profileDir);
  let session: ExtensionSession | undefined;
  try {
    session = engine === 'chromium' ? await launchChromium({ profileDir }) : await launchFirefox({ profileDir });
    const page = await session.newPage();
    await openExtensionPage(page, `${session.extensionOrigin}/notebook.html`);
    await evaluate(page, await pageBundle('src/shared/save-note.ts', 'dramatisSave'));
    await evaluate(page, await pageBundle('src/shared/backup-client.ts', 'dramatisBackup'));
    const run = `disk${Date.now()}`;
    const save = (i: number) =>
      evaluate<string>(
        page,
        `(() => {
          const now = Date.now();
          // Random hex: the browser compresses what it stores, and repeated text would take no room.
          const bytes = new Uint8Array(${NOTE_CHARS / 2}); for (let at = 0; at < bytes.length; at += 65536) crypto.getRandomValues(bytes.subarray(at, at + 65536));
          const filler = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
          const note = { id: '${run}-' + ${i}, kind: 'page', text: '${run} ' + ${i} + ' ' + filler, tags: [], created: now, updated: now, page: { url: 'https://disk.example/', title: 'Disk' } };
          return dramatisSave.saveNote(note, { deadlineMs: 10000 }).then(() => 'saved', (e) => 'refused ' + (e.code || '') + ': ' + e.message);
        })()`,
      );
    // A few notes while there is room, then a pause long enough for the first safety copy.
    const acknowledged: number[] = [];
    for (let i = 0; i < 5; i++) if ((await save(i)) === 'saved') acknowledged.push(i);
    expect(acknowledged).toHaveLength(5);
    await new Promise((r) => setTimeout(r, 7_000));
    // The copy is made a few seconds after the first change, so it holds the first notes.
    const copied = (await status(page)).safety?.copy?.notes ?? 0;
    expect(copied).toBeGreaterThan(0);

    // Fill the disk but ROOM_MB with a file, then save until the disk refuses, and on past it.
    const filler = join(root, 'filler.bin');
    const fill = Math.max(0, freeBytes(root) - ROOM_MB * 1024 * 1024);
    writeFileSync(filler, Buffer.alloc(fill));
    const refusals: string[] = [];
    for (let i = 5; i < 400 && refusals.length < 30; i++) {
      const outcome = await save(i);
      if (outcome === 'saved') acknowledged.push(i);
      else refusals.push(outcome);
    }
    expect(refusals.length, 'the disk never filled').toBeGreaterThan(0);
    console.log(`${engine}: refusals: ${[...new Set(refusals.map((r) => r.slice(0, 120)))].join(' | ')}`);
    // Every refusal says what it is: the disk, or the store found lost; never a raw IOError.
    for (const r of refusals) expect(r).toMatch(/^refused (quota|store-lost|unavailable): /);
    expect(refusals.join('\n')).not.toMatch(/Failed to write blobs|IOError/);

    // Room again: the reader frees some space.
    rmSync(filler);
    const after = await status(page);
    const present = await evaluate<number>(
      page,
      `(async () => {
        const api = globalThis.browser ?? globalThis.chrome;
        return (await api.runtime.sendMessage({ type: 'notes.query', query: { text: '${run}', limit: 1 } })).value.total;
      })()`,
    );
    if (after.safety?.lost) {
      // The browser destroyed the store: the reader is told, and the safety copy brings back what it held.
      const restored = await evaluate<number>(
        page,
        `dramatisBackup.readSafetyCopy().then((c) => dramatisBackup.importBackupText(c.text)).then((r) => r.notesAdded)`,
      );
      expect(restored).toBeGreaterThanOrEqual(copied);
      expect((await status(page)).safety?.lost).toBeUndefined();
    } else {
      expect(present, `acknowledged ${acknowledged.length}, present ${present}`).toBeGreaterThanOrEqual(acknowledged.length);
      expect(refusals.some((r) => r.startsWith('refused quota'))).toBe(true);
      expect(after.safety?.quotaError, 'the first full-disk error is remembered for the warning').toBeDefined();
    }
    test.info().annotations.push({
      type: 'full disk',
      description: `${engine}: ${acknowledged.length} acknowledged, ${present} present, ${refusals.length} refused (${[...new Set(refusals.map((r) => r.slice(0, 60)))].join(' | ')}); store lost: ${Boolean(after.safety?.lost)}`,
    });
    console.log(test.info().annotations.at(-1)?.description);
  } finally {
    await session?.close().catch(() => undefined);
    try {
      execFileSync('umount', ['-l', root], { stdio: 'pipe' });
    } catch {
      /* was never mounted */
    }
    rmSync(root, { recursive: true, force: true });
  }
});
