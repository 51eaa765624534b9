/**
 * "Not this?" from the card: a correction everywhere changes the card on another open page at once,
 * survives a browser restart and a backup and restore; "not a name here" removes the mark at once,
 * and deleting it on the options page brings the mark back. Two test pages both name "Hoover",
 * which the resolver links to J. Edgar Hoover from the cue "FBI".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { launch, launchChromium, launchFirefox, type ExtensionSession, type TestPage } from '../../tools/browser/launch';
import {
  ask,
  axeViolations,
  card,
  highlights,
  hoverName,
  openExtensionPage,
  waitFor,
  waitForHighlights,
  type CardInfo,
} from '../../tools/browser/page';
import { pageBundle } from '../../tools/browser/page-bundle';

const PAGE_A = '/fixtures/corrections-a.html';
const PAGE_B = '/fixtures/corrections-b.html';

const evaluate = <T>(page: TestPage, script: string) => (page as unknown as { evaluate(s: string): Promise<T> }).evaluate(script);

/** Hover events need the tab in front: a background tab gets no animation frames. */
const toFront = (page: TestPage) => (page as unknown as { bringToFront(): Promise<void> }).bringToFront();

/** Acts in the card as a reader would (see the probe's act()); fails the test if the control is missing. */
async function act(page: TestPage, action: Record<string, unknown>): Promise<string> {
  const reply = await ask<{ ok: boolean; error?: string; text: string }>(page, 'ui', action);
  if (!reply.ok) throw new Error(`${reply.error ?? 'the card did not answer'}; the card says: ${reply.text.slice(0, 400)}`);
  return reply.text;
}

/** Opens page's card for "Hoover" and waits until it names `name`. */
async function hooverCard(page: TestPage, name: string): Promise<CardInfo> {
  await toFront(page);
  await page.mouse.move(5, 5);
  await waitFor(
    () => card(page),
    (c) => !c.open,
    3000,
    'the previous card to close',
  ).catch(() => undefined);
  await hoverName(page, 'Hoover');
  return waitFor(
    () => card(page),
    (c) => c.open && c.name === name,
    8000,
    `the card for "Hoover" to name ${name}`,
  );
}

/** Calls the background from an extension page, as the product's own pages do. */
function callBackground<T>(extPage: TestPage, message: object): Promise<T> {
  return evaluate<T>(
    extPage,
    `(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      const reply = await api.runtime.sendMessage(${JSON.stringify(message)});
      if (!reply || !reply.ok) throw new Error(reply ? reply.error : 'no answer');
      return reply.value;
    })()`,
  );
}

test('a correction "everywhere" changes the card on another open page at once, after a restart, and after a backup and restore', async ({
  engine,
  server,
}) => {
  // Two launches of the browser with one profile: slow on a loaded machine, whatever the extension does.
  test.setTimeout(300_000);
  const profileDir = mkdtempSync(join(tmpdir(), `dramatis-corrections-${engine}-`));
  const open = (): Promise<ExtensionSession> => (engine === 'chromium' ? launchChromium({ profileDir }) : launchFirefox({ profileDir }));
  let session: ExtensionSession | undefined;
  try {
    session = await open();
    const a = await session.newPage();
    await a.goto(server.url(PAGE_A));
    const b = await session.newPage();
    await b.goto(server.url(PAGE_B));
    await waitForHighlights(a, 2);
    await waitForHighlights(b, 2);

    // The resolver's choice, and its reason from its own evidence.
    const before = await hooverCard(a, 'J. Edgar Hoover');
    expect(before.text).toContain('Why: near: FBI');
    expect(before.buttons).toContain('Not this?');

    // Not this? -> everywhere -> Herbert Hoover, one of the dataset's namesakes for "Hoover".
    await act(a, { click: 'Not this?' });
    const panel = await waitFor(
      () => act(a, {}),
      (t) => t.includes('Herbert Hoover'),
      15_000,
      'the namesakes',
    );
    expect(panel).toContain('Apply to');
    await act(a, { check: 'everywhere' });
    await act(a, { clickStart: 'Herbert Hoover' });
    const corrected = await waitFor(
      () => card(a),
      (c) => c.open && c.name === 'Herbert Hoover',
      8000,
      'the card on this page to change',
    );
    expect(corrected.text).toContain('Why: your correction');

    // The other page, open all along, was told and re-resolved without a reload.
    expect((await hooverCard(b, 'Herbert Hoover')).text).toContain('Why: your correction');

    // After a restart with the same profile.
    await session.close();
    session = await open();
    const b2 = await session.newPage();
    await b2.goto(server.url(PAGE_B));
    await waitForHighlights(b2, 2);
    await hooverCard(b2, 'Herbert Hoover');

    // Backup, delete the correction (the card follows the resolver again), restore: it is back.
    const ext = await session.newPage();
    await openExtensionPage(ext, `${session.extensionOrigin}/options.html`);
    await evaluate(ext, await pageBundle('src/core/export/backup.ts', 'dramatisBackup'));
    const backupText = await evaluate<string>(
      ext,
      `(async () => {
        const api = globalThis.browser ?? globalThis.chrome;
        const reply = await api.runtime.sendMessage({ type: 'backup.data' });
        return dramatisBackup.serializeBackup(dramatisBackup.createBackup({ ...reply.value, exportedAt: Date.now() }));
      })()`,
    );
    const saved = JSON.parse(backupText) as { version: number; corrections: { id: string; entityId: string; scope: string }[] };
    expect(saved.version).toBe(2);
    expect(saved.corrections).toEqual([expect.objectContaining({ entityId: 'herbert-hoover', scope: 'everywhere' })]);
    const deleted = await callBackground<{ id: string } | null>(ext, { type: 'corrections.delete', id: saved.corrections[0]!.id });
    expect(deleted?.id).toBe(saved.corrections[0]!.id);
    await hooverCard(b2, 'J. Edgar Hoover');
    const summary = await callBackground<{ correctionsAdded: number }>(ext, { type: 'backup.import', text: backupText });
    expect(summary.correctionsAdded).toBe(1);
    await hooverCard(b2, 'Herbert Hoover');
  } finally {
    await session?.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
});

test('"not a name here" removes the mark at once; deleting the correction on the options page brings it back', async ({
  session,
  server,
}) => {
  const page = await session.newPage();
  const options = await session.newPage();
  try {
    await page.goto(server.url(PAGE_A));
    await waitForHighlights(page, 2);
    const hooverMarks = async () => (await highlights(page)).ranges.filter((r) => r.text === 'Hoover').length;
    expect(await hooverMarks()).toBe(1);

    await hooverCard(page, 'J. Edgar Hoover');
    await act(page, { click: 'Not this?' });
    await waitFor(
      () => act(page, {}),
      (t) => t.includes('Herbert Hoover'),
      15_000,
      'the panel to be ready',
    );
    await act(page, { click: 'Not a name here' });
    // The page is resolved again: its marks go and come back without "Hoover" (session.ts redetect).
    // Waiting only for "Hoover" to go caught the moment between the two, before the card is closed
    // (CI, 2026-12-08, under load): wait for the other names to be back.
    const left = await waitFor(
      async () => (await highlights(page)).ranges.map((r) => r.text),
      (texts) => !texts.includes('Hoover') && texts.includes('FBI') && texts.includes('J. Edgar Hoover'),
      8000,
      'the page marked again without "Hoover"',
    );
    // Only that form: the FBI and the full name are still marked.
    expect(left).toEqual(expect.arrayContaining(['FBI', 'J. Edgar Hoover']));
    expect(left).not.toContain('Hoover');
    // The card closes once the page is resolved again (its last batch may land after the first marks).
    await waitFor(
      () => card(page),
      (c) => c.open === false,
      8000,
      'the card to close',
    );

    await openExtensionPage(options, `${session.extensionOrigin}/options.html`);
    const listed = await waitFor(
      () => evaluate<string>(options, 'document.getElementById("corrections")?.innerText ?? ""'),
      (t) => t.includes('“Hoover” is not a name'),
      5000,
      'the correction in the options page',
    );
    expect(listed).toContain('on the page');
    await evaluate(options, `[...document.querySelectorAll('#corrections button')].find((b) => b.textContent.trim() === 'Delete').click()`);
    await waitFor(
      () => evaluate<string>(options, 'document.getElementById("corrections").innerText'),
      (t) => t.includes('Correction of “Hoover” deleted.') && t.includes('No corrections yet'),
      5000,
      'the options page to show the deletion',
    );
    await toFront(page);
    await waitFor(hooverMarks, (n) => n === 1, 8000, 'the "Hoover" mark to come back without a reload');
  } finally {
    await options.close();
    await page.close();
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the card's reason and the open "Not this?" panel pass axe in ${colorScheme} mode`, async ({ engine, server }) => {
    test.setTimeout(150_000); // its own browser launch
    const session = await launch(engine, { colorScheme });
    try {
      const page = await session.newPage();
      await page.goto(server.url(PAGE_A));
      await waitForHighlights(page, 2);
      await hooverCard(page, 'J. Edgar Hoover');
      await act(page, { click: 'Not this?' });
      await waitFor(
        () => act(page, {}),
        (t) => t.includes('Herbert Hoover') && t.includes('Apply to'),
        15_000,
        'the panel',
      );
      expect((await card(page)).open).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await session.close();
    }
  });
}
