/** Export and backup from the notebook, in Chromium: the files download and hold the notes written in the test. */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { expect, test } from './support/fixtures';
import { openExtensionPage, waitFor } from '../../tools/browser/page';

test('notebook: Export Markdown, Export for Obsidian, Export backup and Import backup work on notes written here', async ({
  session,
  engine,
}) => {
  test.skip(engine !== 'chromium', 'downloads are read through Playwright, which drives Chromium');
  // Four exports and an import of everything the worker's other specs wrote: a time limit, not a speed check.
  test.setTimeout(180_000);
  const page = (await session.newPage()) as unknown as Page;
  await openExtensionPage(page as never, `${session.extensionOrigin}/notebook.html`);
  const now = Date.now();
  await page.evaluate(async (now) => {
    const notes = [
      {
        id: 'exp-1',
        kind: 'passage',
        text: 'The **canary** line, written for the export test.',
        tags: ['export-test'],
        created: now,
        updated: now,
        page: { url: 'http://127.0.0.1/shared/post.html', title: 'Professor Chase: Trotsky In Mexico Part II-(G)' },
        target: {
          quote: { type: 'TextQuoteSelector', exact: 'sings like a canary to HUAC', prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: 0, end: 27 },
        },
      },
      {
        id: 'exp-2',
        kind: 'entity',
        text: 'Krivitsky, export test entity note.',
        tags: ['export-test'],
        created: now + 1,
        updated: now + 1,
        entityId: 'walter-krivitsky',
        entityName: 'Walter Krivitsky',
      },
    ];
    for (const note of notes)
      await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
        type: 'notes.save',
        note,
      });
  }, now);
  await page.reload();
  await waitFor(
    () => page.evaluate(() => document.body.innerText),
    (t) => t.includes('export test entity note'),
    5000,
    'the notes in the notebook',
  );

  const save = async (button: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    return { name: download.suggestedFilename(), path: await download.path() };
  };

  const md = await save('Export Markdown');
  expect(md.name).toMatch(/^dramatis-notes-\d{4}-\d{2}-\d{2}\.md$/);
  const markdown = readFileSync(md.path, 'utf8');
  expect(markdown).toContain('> sings like a canary to HUAC');
  expect(markdown).toContain('The **canary** line, written for the export test.');
  expect(markdown).toContain('Walter Krivitsky');
  expect(markdown).toContain('#export-test');

  const zip = await save('Export for Obsidian');
  expect(zip.name).toMatch(/^dramatis-obsidian-.*\.zip$/);
  const files = unzipSync(readFileSync(zip.path));
  const names = Object.keys(files);
  expect(names.some((n) => n.startsWith('Pages/'))).toBe(true);
  expect(names.some((n) => n.startsWith('Entities/'))).toBe(true);
  expect(
    Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n'),
  ).toContain('Krivitsky, export test entity note.');

  const backup = await save('Export backup');
  expect(backup.name).toMatch(/^dramatis-backup-.*\.json$/);
  const text = readFileSync(backup.path, 'utf8');
  expect(JSON.parse(text).notes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining(['exp-1', 'exp-2']));

  // Wipe the two notes, then import the backup: they come back.
  await page.evaluate(async () => {
    for (const id of ['exp-1', 'exp-2'])
      await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
        type: 'notes.delete',
        id,
      });
  });
  await page.reload();
  await waitFor(
    () => page.evaluate(() => document.body.innerText),
    (t) => !t.includes('export test entity note'),
    5000,
    'the notes to be gone',
  );
  const file = join(tmpdir(), `dramatis-backup-${Date.now()}.json`);
  writeFileSync(file, text);
  await page.locator('input[type=file]').setInputFiles(file);
  await waitFor(
    () => page.evaluate(() => document.body.innerText),
    (t) => /Imported .*2 new/.test(t) && t.includes('export test entity note'),
    // A time limit, not a speed check: the worker's notebook also holds the multi-megabyte notes
    // other specs wrote (about 11 MB when the backup specs ran in the same browser), and the
    // backup carries them all: the import and the list that shows them again took over 30 s on
    // the shared 2-core machine.
    90_000,
    'the import',
  );

  // A damaged file is refused with a message, and nothing changes.
  const broken = join(tmpdir(), `dramatis-broken-${Date.now()}.json`);
  writeFileSync(broken, text.slice(0, text.length / 2));
  await page.locator('input[type=file]').setInputFiles(broken);
  await waitFor(
    () => page.evaluate(() => document.body.innerText),
    (t) => t.includes('Nothing was imported'),
    30_000,
    'the refusal',
  );
  await page.close();
});
