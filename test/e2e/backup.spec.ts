/**
 * Backups in both browsers (issue 12, deliverables 6 and 9), through the notebook page's own
 * client (src/shared/backup-client.ts) and the real background: a multi-page, multi-part backup
 * round trip; the malformed-backup suite, each refused with its message and nothing changed; an
 * import interrupted by a background stop says so, changes nothing, and works when retried.
 */
import { DEFAULT_SETTINGS } from '../../src/core/protocol/messages';
import { createBackup, serializeBackup } from '../../src/core/export/backup';
import type { Note } from '../../src/core/notes/model';
import { malformedBackups } from '../fixtures/export/malformed-backups';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_FIXTURES_DIR } from '../../tools/paths';
import { expect, test } from './support/fixtures';
import { backgroundStopper } from '../../tools/browser/background';
import type { TestPage } from '../../tools/browser/launch';
import { openExtensionPage, waitFor } from '../../tools/browser/page';
import { pageBundle } from '../../tools/browser/page-bundle';

const evaluate = <T>(page: TestPage, script: string) => (page as unknown as { evaluate(s: string): Promise<T> }).evaluate(script);

/** Three notes of 1.9 Mi characters: about 6 MB of backup, more than one page (4 MiB) and many parts. */
const BIG_NOTES = 3;
const BIG_CHARS = 1_900_000;

async function openNotebook(session: { newPage(): Promise<TestPage>; extensionOrigin: string }): Promise<TestPage> {
  const page = await session.newPage();
  await openExtensionPage(page, `${session.extensionOrigin}/notebook.html`);
  await evaluate(page, await pageBundle('src/shared/backup-client.ts', 'dramatisBackup'));
  await evaluate(page, await pageBundle('src/shared/save-note.ts', 'dramatisSave'));
  return page;
}

const countNotes = (page: TestPage, words: string) =>
  evaluate<number>(
    page,
    `(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      const reply = await api.runtime.sendMessage({ type: 'notes.query', query: { text: ${JSON.stringify(words)}, limit: 1 } });
      return reply.value.total;
    })()`,
  );

async function writeBigNotes(page: TestPage, run: string): Promise<void> {
  const outcome = await evaluate<string>(
    page,
    `(async () => {
      const filler = 'Krivitsky wrote to Reiss; the letter was never sent. '.repeat(${Math.ceil(BIG_CHARS / 50)}).slice(0, ${BIG_CHARS});
      for (let i = 0; i < ${BIG_NOTES}; i++) {
        const now = Date.now();
        await dramatisSave.saveNote({ id: '${run}-' + i, kind: 'page', text: '${run} ' + i + ' ' + filler, tags: ['big'], created: now, updated: now, page: { url: 'https://big.example/' + i, title: 'Big ' + i } });
      }
      return 'saved';
    })().catch((e) => 'failed: ' + e.message)`,
  );
  expect(outcome).toBe('saved');
}

async function deleteNotes(page: TestPage, ids: string[]): Promise<void> {
  await evaluate(
    page,
    `(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      for (const id of ${JSON.stringify(ids)}) await api.runtime.sendMessage({ type: 'notes.delete', id });
    })()`,
  );
}

test('a backup bigger than one message page round-trips in parts', async ({ session }) => {
  test.setTimeout(120_000);
  const page = await openNotebook(session);
  const run = `roundtrip${Date.now()}`;
  await writeBigNotes(page, run);
  const built = await evaluate<{ chars: number; notes: number }>(
    page,
    `dramatisBackup.buildBackupText().then((b) => { globalThis.backupText = b.text; return { chars: b.text.length, notes: b.notes }; })`,
  );
  expect(built.chars).toBeGreaterThan(BIG_NOTES * BIG_CHARS);
  await deleteNotes(
    page,
    Array.from({ length: BIG_NOTES }, (_, i) => `${run}-${i}`),
  );
  expect(await countNotes(page, run)).toBe(0);
  // 1 MiB parts: six or more messages for this file.
  const summary = await evaluate<{ notesAdded: number }>(
    page,
    `dramatisBackup.importBackupText(globalThis.backupText, { partChars: 1024 * 1024 })`,
  );
  expect(summary.notesAdded).toBe(BIG_NOTES);
  expect(await countNotes(page, run)).toBe(BIG_NOTES);
  await page.close();
});

test('the malformed-backup suite: each refused with its message, nothing changed', async ({ session }) => {
  test.setTimeout(180_000);
  const page = await openNotebook(session);
  await evaluate(
    page,
    `dramatisSave.saveNote({ id: 'suite-witness', kind: 'page', text: 'suite witness note', tags: [], created: 1, updated: 1, page: { url: 'https://a.example/', title: 'A' } })`,
  );
  const digest = () => evaluate<string>(page, `dramatisBackup.buildBackupText(0).then((b) => b.text)`);
  const before = await digest();
  const valid = serializeBackup(
    createBackup({
      notes: JSON.parse(readFileSync(join(TEST_FIXTURES_DIR, 'export', 'notes.json'), 'utf8')) as Note[],
      personal: [],
      settings: DEFAULT_SETTINGS,
      corrections: [],
      exportedAt: 1,
    }),
  );
  const cases = malformedBackups(valid);
  expect(cases.length).toBeGreaterThanOrEqual(35);
  for (const c of cases) {
    const answer = await evaluate<string>(
      page,
      `dramatisBackup.importBackupText(${JSON.stringify(c.text)}).then(() => 'imported', (e) => e.message)`,
    );
    expect(answer, c.name).toMatch(c.message);
    expect(answer, c.name).toMatch(/^Nothing was imported/);
  }
  expect(await digest()).toBe(before);
  await page.close();
});

test('an import interrupted by a background stop says nothing changed, and the retry lands', async ({ session }) => {
  test.setTimeout(120_000);
  const page = await openNotebook(session);
  const stopper = await backgroundStopper(session, page);
  const run = `interrupt${Date.now()}`;
  await writeBigNotes(page, run);
  await evaluate(page, `dramatisBackup.buildBackupText().then((b) => { globalThis.backupText = b.text; })`);
  await deleteNotes(
    page,
    Array.from({ length: BIG_NOTES }, (_, i) => `${run}-${i}`),
  );
  // Small parts, so the import is still sending when the background is stopped a third of the way in.
  await evaluate(
    page,
    `globalThis.sentShare = 0; globalThis.importOutcome = dramatisBackup.importBackupText(globalThis.backupText, { partChars: 32 * 1024, onProgress: (sent, total) => { globalThis.sentShare = sent / total; } }).then(() => 'imported', (e) => e.message); 0`,
  );
  await waitFor(
    () => evaluate<number>(page, 'globalThis.sentShare'),
    (share) => share > 0.3,
    30_000,
    'a third of the import sent',
  );
  await stopper.stop();
  const outcome = await evaluate<string>(page, 'globalThis.importOutcome');
  expect(outcome).toMatch(/^Nothing was imported, and nothing changed: Dramatis's background was stopped .*Try the import again\.$/);
  expect(await countNotes(page, run)).toBe(0);
  const retry = await evaluate<string>(
    page,
    `dramatisBackup.importBackupText(globalThis.backupText).then((r) => 'added ' + r.notesAdded, (e) => e.message)`,
  );
  expect(retry).toBe(`added ${BIG_NOTES}`);
  expect(await countNotes(page, run)).toBe(BIG_NOTES);
  await page.close();
});
