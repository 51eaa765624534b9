/** Margin notes end to end: passage notes that survive a reload, entity notes that follow the entity. */
import { expect, needsSharedPages, test } from './support/fixtures';
import { card, hoverName, waitFor, waitForHighlights } from '../../tools/browser/page';
import { clickUi, selectText, ui, waitForUi } from './support/notes-helpers';
import { REAL_POST } from '../../tools/paths';
import type { TestPage } from '../../tools/browser/launch';

const noteHighlights = (page: TestPage) =>
  (page as unknown as { evaluate(s: string): Promise<string[]> }).evaluate(
    `(() => { const out = []; const h = CSS.highlights.get('dramatis-note'); if (h) h.forEach((r) => out.push(r.toString())); return out; })()`,
  );

test('a passage note: select, Add note, type, Save; after a reload the passage is highlighted and shows the note', async ({
  tab: page,
  server,
}) => {
  needsSharedPages();
  const url = server.url(`/shared/${REAL_POST}`);
  const passage = 'sings like a canary to HUAC';
  await page.goto(url);
  await waitForHighlights(page, 20);
  await selectText(page, passage);
  await clickUi(page, 'Add note');
  await waitForUi(page, 'Note on this passage');
  await page.keyboard.type('Krivitsky testified on 11 October 1939. #defectors', { delay: 5 });
  await clickUi(page, 'Save');
  await waitFor(
    () => noteHighlights(page),
    (h) => h.includes(passage),
    8000,
    'the passage highlight',
  );

  await page.goto(url);
  await waitForHighlights(page, 20);
  await waitFor(
    () => noteHighlights(page),
    (h) => h.includes(passage),
    8000,
    'the passage highlight after reload',
  );
  // Hovering the passage (away from any name in it) shows the note.
  const point = await (page as unknown as { evaluate(s: string): Promise<{ x: number; y: number }> }).evaluate(`(() => {
    let r;
    CSS.highlights.get('dramatis-note').forEach((range) => { r = range; });
    r.startContainer.parentElement.scrollIntoView({ block: 'center' });
    // A point on "canary", a plain word inside the passage (a name in it would show its own card).
    const text = r.toString();
    const at = text.indexOf('canary');
    const w = document.createRange();
    w.setStart(r.startContainer, r.startOffset + at);
    w.setEnd(r.startContainer, r.startOffset + at + 6);
    const box = w.getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  })()`);
  await page.mouse.move(point.x, point.y);
  const shown = await waitFor(
    () => card(page),
    (c) => c.open && c.name === 'Your note',
    5000,
    'the note card',
  );
  expect(shown.text).toContain('Krivitsky testified on 11 October 1939.');
});

test('an entity note on Krivitsky appears in his card on another page', async ({ tab: page, server }) => {
  await page.goto(server.url('/fixtures/live-page.html'));
  await waitForHighlights(page, 1);
  await hoverName(page, 'Walter Krivitsky');
  await clickUi(page, 'Add note');
  await waitForUi(page, 'Note on Walter Krivitsky');
  await page.keyboard.type('Ran agents from The Hague under cover as a dealer in old books.', { delay: 3 });
  await clickUi(page, 'Save');
  await waitFor(
    () => ui(page, {}),
    (r) => !(r.text ?? '').includes('Note on Walter Krivitsky'),
    5000,
    'the editor to close',
  );

  await page.goto(server.url('/demo/defectors-1937.html'));
  await waitForHighlights(page, 10);
  await hoverName(page, 'Krivitsky');
  // Other tests in this browser may have written notes on him too: the latest one is shown.
  const shown = await waitFor(
    () => card(page),
    (c) => /\d+ notes?/.test(c.text ?? '') && (c.text ?? '').includes('Ran agents from The Hague'),
    5000,
    'the note in the card',
  );
  expect(shown.text).toContain('Ran agents from The Hague');
});

test('"Track this name" makes a name highlighted and carded from then on', async ({ tab: page, server }) => {
  needsSharedPages();
  await page.goto(server.url(`/shared/${REAL_POST}`));
  await waitForHighlights(page, 20);
  await selectText(page, 'Charles Cornell');
  await clickUi(page, 'Track this name');
  await waitForUi(page, 'Track this name');
  await page.keyboard.press('Tab');
  await clickUi(page, 'Save');
  const shown = await waitFor(
    async () => {
      try {
        return await hoverName(page, 'Charles Cornell');
      } catch {
        return { open: false } as Awaited<ReturnType<typeof hoverName>>;
      }
    },
    (c) => c.open,
    10_000,
    'a card for the tracked name',
  );
  expect(shown.name).toBe('Charles Cornell');
  expect(shown.links).toEqual([]);
});
