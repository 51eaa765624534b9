/** The notebook finds notes by a word; notes survive a browser restart and a stopped background (both browsers). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { launchChromium, launchFirefox, type ExtensionSession, type TestPage } from '../../tools/browser/launch';
import { openExtensionPage, waitFor } from '../../tools/browser/page';
import { pageBundle } from '../../tools/browser/page-bundle';
import { backgroundStopper } from '../../tools/browser/background';

const evaluate = <T>(page: TestPage, script: string) => (page as unknown as { evaluate(s: string): Promise<T> }).evaluate(script);

/** Saves a page note through the product's own save path (src/shared/save-note.ts), bundled into the page once. */
async function saveNote(page: TestPage, id: string, text: string): Promise<string> {
  await evaluate(page, await pageBundle('src/shared/save-note.ts', 'dramatisSave'));
  return evaluate<string>(
    page,
    `(() => {
    const now = Date.now();
    const note = { id: ${JSON.stringify(id)}, kind: 'page', text: ${JSON.stringify(text)}, tags: ['test'], created: now, updated: now, page: { url: 'https://example.org/post', title: 'A post' } };
    return dramatisSave.saveNote(note).then(() => 'saved', (e) => 'lost: ' + e.message);
  })()`,
  );
}

async function typeSearch(page: TestPage, words: string): Promise<string> {
  await (page as unknown as { click(s: string): Promise<void> }).click('input[type=search]');
  await page.keyboard.type(words, { delay: 10 });
  return waitFor(
    () => evaluate<string>(page, 'document.querySelector(".list").innerText'),
    (t) => t.length > 0,
    5000,
    'results',
  );
}

test('the notebook finds a note by a word of it', async ({ session }) => {
  const nb = await session.newPage();
  await openExtensionPage(nb, `${session.extensionOrigin}/notebook.html`);
  expect(await saveNote(nb, 'find-me', 'The Reiss letter is remarkable for its anger.')).toBe('saved');
  expect(await saveNote(nb, 'other', 'Something about Cuba.')).toBe('saved');
  await openExtensionPage(nb, `${session.extensionOrigin}/notebook.html`);
  await typeSearch(nb, 'remarkable');
  const list = await waitFor(
    () => evaluate<string>(nb, 'document.querySelector(".list").innerText'),
    (t) => !t.includes('Cuba'),
    5000,
    'the search to narrow',
  );
  expect(list).toContain('The Reiss letter is remarkable');
  await nb.close();
});

test('notes are still there after the browser restarts with the same profile', async ({ engine }) => {
  const profileDir = mkdtempSync(join(tmpdir(), `dramatis-restart-${engine}-`));
  const open = (): Promise<ExtensionSession> => (engine === 'chromium' ? launchChromium({ profileDir }) : launchFirefox({ profileDir }));
  try {
    let session = await open();
    let page = await session.newPage();
    await openExtensionPage(page, `${session.extensionOrigin}/notebook.html`);
    expect(await saveNote(page, 'kept', 'Written before the restart.')).toBe('saved');
    await session.close();

    session = await open();
    page = await session.newPage();
    await openExtensionPage(page, `${session.extensionOrigin}/notebook.html`);
    const text = await waitFor(
      () => evaluate<string>(page, 'document.querySelector(".list") ? document.querySelector(".list").innerText : ""'),
      (t) => t.length > 0,
      8000,
      'the notebook to list notes',
    );
    expect(text).toContain('Written before the restart.');
    await session.close();
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
});

test('stopping the background while notes are being written loses none', async ({ engine }) => {
  const session = engine === 'chromium' ? await launchChromium() : await launchFirefox();
  try {
    const page = await session.newPage();
    await openExtensionPage(page, `${session.extensionOrigin}/notebook.html`);
    // Chromium: the DevTools protocol; Firefox: the extension's terminateBackground() over BiDi.
    const stopper = await backgroundStopper(session, page);
    // The product's own save path (src/shared/save-note.ts, as the editors and the notebook use it).
    await evaluate(page, await pageBundle('src/shared/save-note.ts', 'dramatisSave'));
    const writes = evaluate<string[]>(
      page,
      `Promise.all(Array.from({ length: 60 }, (_, i) => new Promise((r) => setTimeout(r, i * 15)).then(() => {
      const now = Date.now();
      const note = { id: 'stress-' + i, kind: 'page', text: 'stress note', tags: [], created: now, updated: now, page: { url: 'https://example.org/post', title: 'A post' } };
      return dramatisSave.saveNote(note).then(() => 'saved', (e) => 'lost: ' + e.message);
    })))`,
    );
    // Stop the background three times while the 60 saves are in flight, and check it really stopped.
    for (let k = 0; k < 3; k++) {
      await new Promise((r) => setTimeout(r, 250));
      await stopper.stop();
    }
    const outcomes = await writes;
    expect(outcomes.filter((o) => o !== 'saved')).toEqual([]);
    const total = await evaluate<number>(
      page,
      `(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      const reply = await api.runtime.sendMessage({ type: 'notes.query', query: { text: 'stress note', limit: 500 } });
      return reply.value.total;
    })()`,
    );
    expect(total).toBe(60);
    expect(stopper.stopped()).toBeGreaterThan(0);
  } finally {
    await session.close();
  }
});
