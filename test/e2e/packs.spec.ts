/**
 * Reference packs end to end, in Chromium and Firefox, each in profiles of its own (so no other spec
 * sees the packs): import the example pack on the options page, see its names, cards, relations and
 * its note on a passage of the page, turn it off and see them go from the open page, and carry the
 * reader's own names to a fresh profile as a pack.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { launch, type ExtensionSession, type TestPage } from '../../tools/browser/launch';
import {
  axeViolations,
  card,
  framesInfo,
  highlights,
  hoverName,
  openExtensionPage,
  waitFor,
  waitForHighlights,
  wordPoint,
} from '../../tools/browser/page';
import { DEMO_DIR } from '../../tools/paths';

// Each test launches its own browser profiles (two for the export): slower than the shared one.
test.describe.configure({ timeout: 300_000 });

const EXAMPLE = readFileSync(join(DEMO_DIR, 'hussite-bohemia.pack.json'), 'utf8');
const TITLE = 'Hussite Bohemia, 1400–1436';
const PAGE = '/fixtures/hussite-reading.html';
/** Where the example pack's passage note says its reading is; the tests serve that reading at PAGE. */
const COURSE_PAGE = 'https://course.example/bohemian-reformation/week-3.html';
const PASSAGE = 'carried the war abroad';
const PASSAGE_NOTE = 'the raids of 1426 to 1433 into Saxony, Silesia, Austria and Hungary';

const run = <T>(page: TestPage, script: string): Promise<T> => (page as unknown as { evaluate(s: string): Promise<T> }).evaluate(script);
const bodyText = (page: TestPage) => run<string>(page, 'document.body.innerText');
/** The boxes of the pack passage marks painted in the closed root (the probe reports them by kind). */
const packNoteMarks = async (page: TestPage) => (await framesInfo(page)).marks['pack-note'] ?? [];

/** Sets the options page's file input to a file with this text, as a reader choosing it would. */
async function chooseFile(page: TestPage, name: string, text: string): Promise<void> {
  await run(
    page,
    `(() => {
      const input = document.querySelector('#packs input[type=file]');
      const transfer = new DataTransfer();
      transfer.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    })()`,
  );
}

async function openOptions(session: ExtensionSession): Promise<TestPage> {
  const page = await session.newPage();
  await openExtensionPage(page, `${session.extensionOrigin}/options.html`);
  await waitFor(
    () => bodyText(page),
    (t) => t.includes('Reference packs'),
    10_000,
    'the packs section',
  );
  return page;
}

/** A message to the background from an extension page. */
const message = (page: TestPage, m: object) =>
  run<{ ok: boolean; error?: string }>(page, `(globalThis.browser ?? globalThis.chrome).runtime.sendMessage(${JSON.stringify(m)})`);

test('import the example pack, see its names and cards, turn it off', async ({ engine, server }) => {
  const session = await launch(engine);
  try {
    const options = await openOptions(session);
    // The pack's passage note is on the course's copy of the reading; here that reading is served locally.
    expect(EXAMPLE).toContain(COURSE_PAGE);
    await chooseFile(options, 'hussite-bohemia.pack.json', EXAMPLE.replace(COURSE_PAGE, server.url(PAGE)));
    await waitFor(
      () => bodyText(options),
      (t) => t.includes(`Imported “${TITLE}”: 33 entities`),
      10_000,
      'the import report',
    );

    // A bad file: every problem listed, nothing changed.
    await chooseFile(options, 'broken.csv', 'name,type,born\nJan Hus,preacher,1415-13\n');
    const report = await waitFor(
      () => bodyText(options),
      (t) => t.includes('was not imported'),
      10_000,
      'the refusal',
    );
    expect(report).toContain('row 2, column B (type): "preacher" is not a type Dramatis knows');
    expect(report).toContain('row 2, column C (born): "1415-13" is not a date Dramatis reads');
    expect(report).toContain('33 entities');

    const page = await session.newPage();
    await page.goto(server.url(PAGE));
    await waitForHighlights(page, 20);
    // A pack-only entity: its own card, with the pack's label and notes.
    const jerome = await hoverName(page, 'Jerome of Prague');
    expect(jerome.name).toBe('Jerome of Prague');
    expect(jerome.text).toContain(`From the pack “${TITLE}”`);
    expect(jerome.text).toContain("carried Wycliffe's writings from Oxford");
    // Its relation to a bundled entity (the pack names Jan Hus), in the card's relations part.
    await expect.poll(async () => (await card(page)).text ?? '').toContain('friend of Jan Hus');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await card(page)).open).toBe(false);
    // A bundled entity the pack names by its Wikipedia title: one mark, the bundled card plus the pack's part.
    const hus = await hoverName(page, 'Jan Hus');
    expect(hus.name).toBe('Jan Hus');
    expect(hus.links?.map((l) => l.href)).toContain('https://en.wikipedia.org/wiki/Jan_Hus');
    await expect.poll(async () => (await card(page)).text ?? '').toContain(`From the pack “${TITLE}”`);
    const husCard = (await card(page)).text ?? '';
    expect(husCard).toContain('Read his letters from prison');
    expect(husCard).toContain('the preacher whose trial at Constance');
    // The bundled card shows the relation the pack draws to it, from the other end.
    expect(husCard).toContain('friend of Jerome of Prague');
    expect((await highlights(page)).ranges.filter((r) => r.text === 'Jan Hus')).toHaveLength(1);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await card(page)).open).toBe(false);

    // The pack's note on a passage: marked in the closed root in its own look, never in the page's registry.
    const point = await wordPoint(page, PASSAGE, 'abroad');
    await waitFor(
      () => packNoteMarks(page),
      (marks) => marks.some((m) => point.y >= m.y && point.y <= m.y + m.height),
      8000,
      'the pack passage mark',
    );
    expect((await framesInfo(page)).marks.note ?? []).toHaveLength(0);
    expect(await run<string[]>(page, '[...CSS.highlights.keys()].filter((name) => name.includes("note"))')).toEqual([]);
    await page.mouse.move(point.x, point.y + 40);
    await page.mouse.move(point.x, point.y);
    const packNote = await waitFor(
      () => card(page),
      (c) => c.open && c.name === `Note from the pack “${TITLE}”`,
      5000,
      'the pack note card',
    );
    expect(packNote.text).toContain(`From the pack “${TITLE}”`);
    expect(packNote.text).toContain(PASSAGE_NOTE);
    expect(packNote.text).toContain('It is not one of your notes');
    // Read-only: no Edit, no notes frame; and the page cannot reach it.
    expect(packNote.buttons).toEqual([]);
    expect((await framesInfo(page)).frames).toHaveLength(0);
    expect(packNote.hostMode).toBe('closed');
    expect(await axeViolations(page)).toEqual([]);
    // Not the reader's: the page's notes (what the popup lists and the notebook exports) do not include it.
    const reader = await message(options, { type: 'notes.query', query: {} });
    expect(JSON.stringify(reader)).not.toContain(PASSAGE_NOTE);
    await page.keyboard.press('Escape');

    // Off: the pack's own names are no longer found, and the bundled card loses the pack's part.
    await run(options, `document.querySelector('#packs .pack input[type=checkbox]').click()`);
    await waitFor(
      () => run<boolean>(options, `document.querySelector('#packs .pack input[type=checkbox]').checked`),
      (c) => c === false,
      5000,
      'the switch',
    );
    // At once on the open page, without a reload: the passage note's mark and the pack's names go.
    await waitFor(
      () => packNoteMarks(page),
      (marks) => marks.length === 0,
      8000,
      'the pack passage mark to go',
    );
    await waitFor(
      () => highlights(page),
      (h) => h.ranges.some((r) => r.text === 'Jan Hus') && !h.ranges.some((r) => r.text === 'Jerome of Prague'),
      8000,
      "the pack's names to go from the open page",
    );
    await page.goto(server.url(PAGE));
    await waitForHighlights(page, 5);
    const texts = new Set((await highlights(page)).ranges.map((r) => r.text));
    expect(texts.has('Jan Hus')).toBe(true);
    for (const name of ['Jerome of Prague', 'Taborites', 'Jan Rokycana', 'Petr Chelčický']) expect(texts.has(name), name).toBe(false);
    await hoverName(page, 'Jan Hus');
    await new Promise((r) => setTimeout(r, 800));
    expect((await card(page)).text).not.toContain('From the pack');
    await page.close();
    await options.close();
  } finally {
    await session.close();
  }
});

test("export the reader's tracked names as a pack and import it into a fresh profile", async ({ engine, server }) => {
  const first = await launch(engine);
  let exported: string;
  try {
    const options = await openOptions(first);
    const now = Date.now();
    expect(
      await message(options, {
        type: 'personal.save',
        entity: {
          id: 'personal-e2e-1',
          type: 'person',
          name: 'Petr Chelčický',
          aliases: ['Chelčický'],
          description: 'Writer on peace.',
          created: now,
          updated: now,
        },
      }),
    ).toMatchObject({ ok: true });
    expect(
      await message(options, {
        type: 'notes.save',
        note: {
          id: 'e2e-note-1',
          kind: 'entity',
          entityId: 'personal-e2e-1',
          entityName: 'Petr Chelčický',
          text: 'Read The Net of Faith.',
          tags: [],
          created: now,
          updated: now,
        },
      }),
    ).toMatchObject({ ok: true });
    // Catch the file the page saves (a Blob behind a link) instead of reading the downloads folder.
    await run(
      options,
      `(() => {
        const make = URL.createObjectURL;
        URL.createObjectURL = (blob) => { blob.text().then((t) => { window.__saved = t; }); return make.call(URL, blob); };
      })()`,
    );
    await run(
      options,
      `(() => { const i = document.querySelector('.pack-export input[type=text]'); i.value = 'Study group'; i.dispatchEvent(new Event('input', { bubbles: true })); })()`,
    );
    await run(options, `[...document.querySelectorAll('.pack-export button')].find((b) => b.textContent === 'Save as JSON').click()`);
    exported = await waitFor(
      () => run<string>(options, 'window.__saved ?? ""'),
      (t) => t.length > 0,
      5000,
      'the saved pack',
    );
    expect(JSON.parse(exported)).toMatchObject({
      dramatisPack: 1,
      title: 'Study group',
      entities: [{ name: 'Petr Chelčický', type: 'person', aliases: ['Chelčický'], description: 'Writer on peace.' }],
      notes: [{ entity: 'Petr Chelčický', text: 'Read The Net of Faith.' }],
    });
  } finally {
    await first.close();
  }

  const fresh = await launch(engine);
  try {
    const options = await openOptions(fresh);
    await chooseFile(options, 'study-group.pack.json', exported);
    await waitFor(
      () => bodyText(options),
      (t) => t.includes('Imported “Study group”: 1 entities'),
      10_000,
      'the import',
    );
    const page = await fresh.newPage();
    await page.goto(server.url(PAGE));
    const shown = await hoverName(page, 'Petr Chelčický');
    expect(shown.name).toBe('Petr Chelčický');
    await expect.poll(async () => (await card(page)).text ?? '').toContain('From the pack “Study group”');
    expect((await card(page)).text).toContain('Read The Net of Faith.');
    await page.close();
  } finally {
    await fresh.close();
  }
});
