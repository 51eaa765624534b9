/** Margin notes end to end: passage notes that survive a reload, entity notes that follow the entity. */
import { expect, needsSharedPages, test } from './support/fixtures';
import { card, framesInfo, hoverName, waitFor, waitForHighlights, wordPoint } from '../../tools/browser/page';
import { clickUi, selectText, ui, waitForUi } from './support/notes-helpers';
import { REAL_POST } from '../../tools/paths';
import type { TestPage } from '../../tools/browser/launch';

/**
 * The passages marked as noted, as the texts under their marks: the marks are painted in the closed
 * root (the probe reports their boxes), never in the page's highlight registry.
 */
const noteHighlights = async (page: TestPage): Promise<string[]> => {
  const boxes = (await framesInfo(page)).marks.note ?? [];
  return (page as unknown as { evaluate(s: string): Promise<string[]> }).evaluate(`(() => {
    const boxes = ${JSON.stringify(boxes)};
    return boxes.map((b) => {
      const range = document.caretRangeFromPoint ? document.caretRangeFromPoint(b.x + 2, b.y + b.height / 2) : null;
      const pos = range ? null : document.caretPositionFromPoint(b.x + 2, b.y + b.height / 2);
      const node = range ? range.startContainer : pos && pos.offsetNode;
      return node ? node.textContent : '';
    });
  })()`);
};
const marked = (texts: string[], passage: string) => texts.some((t) => t.includes(passage));

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
    (h) => marked(h, passage),
    8000,
    'the passage highlight',
  );

  await page.goto(url);
  await waitForHighlights(page, 20);
  // Marks are drawn for passages near the viewport: bring it there.
  await wordPoint(page, passage, 'canary');
  await waitFor(
    () => noteHighlights(page),
    (h) => marked(h, passage),
    8000,
    'the passage highlight after reload',
  );
  expect(await page.evaluate(() => [...CSS.highlights.keys()].some((name) => name.includes('note')), null)).toBe(false);
  // Hovering the passage (away from any name in it) shows the note.
  const point = await wordPoint(page, passage, 'canary');
  await page.mouse.move(point.x, point.y);
  const shown = await waitFor(
    () => card(page),
    (c) => c.open && c.name === 'Your note' && (c.text ?? '').includes('Krivitsky testified'),
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
  // A tracked name is marked in the closed root, not in the page's highlight registry: hover its text.
  await waitFor(
    async () => (await framesInfo(page)).marks.person?.length ?? 0,
    (n) => n > 0,
    10_000,
    'the tracked name marked',
  );
  expect(
    await page.evaluate(() => [...CSS.highlights.values()].some((h) => [...h].some((r) => String(r) === 'Charles Cornell')), null),
  ).toBe(false);
  const point = await wordPoint(page, 'Charles Cornell', 'Cornell');
  await page.mouse.move(point.x - 40, point.y + 60);
  await page.mouse.move(point.x, point.y);
  const shown = await waitFor(
    () => card(page),
    (c) => c.open && (c.text ?? '').includes('Charles Cornell'),
    10_000,
    'a card for the tracked name',
  );
  expect(shown.name).toBe('A name you track');
  expect(shown.links).toEqual([]);
});
