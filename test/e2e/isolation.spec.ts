/** Isolation: hostile page styles cannot reach or hide the card, and opening it never shifts the page. */
import { expect, test } from './support/fixtures';
import { card, hoverName, waitForHighlights } from '../../tools/browser/page';

const paragraphRects = (page: Parameters<typeof hoverName>[0]) =>
  (page as unknown as { evaluate(s: string): Promise<number[][]> }).evaluate(
    `[...document.querySelectorAll('p')].map((p) => { const r = p.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })`,
  );

test('a hostile stylesheet cannot reach the card, and the card shifts nothing', async ({ tab: page, server }) => {
  await page.goto(server.url('/fixtures/hostile.html'));
  await waitForHighlights(page, 3);
  const before = await paragraphRects(page);
  const shown = await hoverName(page, 'Walter Krivitsky');
  expect(shown.name).toBe('Walter Krivitsky');
  expect(shown.rect!.width).toBeGreaterThan(250);
  expect(shown.rect!.height).toBeGreaterThan(100);
  expect(shown.rect!.y).toBeGreaterThanOrEqual(0);
  expect(shown.rect!.y + shown.rect!.height).toBeLessThanOrEqual(900);
  // Page styles do not leak in: the card keeps its own font and colours.
  expect(shown.background).toMatch(/^rgb\(255, 253, 248\)|^rgb\(31, 32, 35\)/);
  expect(await paragraphRects(page)).toEqual(before);
  // The host, a plain <div> the page cannot upgrade, is the only node added (once, when highlights
  // are shown; the card opens inside it), and the page cannot look inside it.
  expect(await page.evaluate(() => (window as unknown as { __added: string[] }).__added, null)).toEqual(['DIV']);
  expect(
    await page.evaluate(() => {
      const host = document.documentElement.lastElementChild;
      return host?.localName === 'div' ? host.shadowRoot : 'no host';
    }, null),
  ).toBeNull();
  expect((await card(page)).open).toBe(true);
});
