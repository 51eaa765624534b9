/** The walking skeleton: content script -> background -> card and popup, in Chromium and Firefox. */
import { expect, needsSharedPages, test } from './support/fixtures';
import { extensionPage, tabIdFor } from '../../tools/browser/extension';
import { card, hoverName, openExtensionPage, waitForHighlights } from '../../tools/browser/page';
import { REAL_POST } from '../../tools/paths';

test('the demo post shows highlights and a card for Krivitsky', async ({ tab: page, server }) => {
  await page.goto(server.url('/demo/defectors-1937.html'));
  const found = await waitForHighlights(page, 10);
  expect(found.api).toBe(true);
  const texts = new Set(found.ranges.map((r) => r.text));
  for (const name of ['Walter Krivitsky', 'Krivitsky', 'Ignace Reiss', 'NKVD', 'Trotsky']) expect(texts).toContain(name);

  const shown = await hoverName(page, 'Krivitsky');
  expect(shown.name).toBe('Walter Krivitsky');
  expect(shown.text).toContain('1899');
  expect(shown.links).toEqual([{ text: 'Read on Wikipedia', href: 'https://en.wikipedia.org/wiki/Walter_Krivitsky', target: '_blank' }]);
  // The page itself cannot see inside the card.
  expect(shown.hostMode).toBe('closed');
  expect(
    await page.evaluate(() => {
      const host = document.documentElement.lastElementChild;
      return host?.localName === 'div' ? host.shadowRoot : 'no host';
    }, null),
  ).toBeNull();

  await page.keyboard.press('Escape');
  await expect.poll(async () => (await card(page)).open).toBe(false);
});

test('the real post shows highlights and a card for Krivitsky', async ({ tab: page, server }) => {
  needsSharedPages();
  await page.goto(server.url(`/shared/${REAL_POST}`));
  await waitForHighlights(page, 20);
  const shown = await hoverName(page, 'Krivitsky', 1);
  expect(shown.name).toBe('Walter Krivitsky');
  expect(shown.text).toContain('1899');
});

test('names in form fields, scripts and code are not page text', async ({ tab: page, server }) => {
  needsSharedPages();
  await page.goto(server.url(`/shared/${REAL_POST}`));
  await waitForHighlights(page, 20);
  const report = await (page as unknown as { evaluate(s: string): Promise<{ total: number; inside: string[]; fieldText: string }> })
    .evaluate(`(() => {
    const inside = [];
    let total = 0;
    CSS.highlights.forEach((h) => h.forEach((range) => {
      total++;
      const el = range.startContainer.parentElement;
      if (el && el.closest('textarea, input, select, script, style, noscript, code, pre, [contenteditable]')) inside.push(range.toString());
    }));
    const fieldText = [...document.querySelectorAll('textarea, input')].map((f) => f.value).join(' ');
    return { total, inside, fieldText };
  })()`);
  expect(report.fieldText).toMatch(/[A-Z][a-z]+/);
  expect(report.total).toBeGreaterThan(20);
  expect(report.inside).toEqual([]);
});

test("the popup lists the page's entities by type", async ({ tab: page, server, session }) => {
  await page.goto(server.url('/demo/defectors-1937.html'));
  await waitForHighlights(page, 10);
  const popup = await extensionPage(session);
  // Opened as a tab, the popup needs the id of the page's tab.
  const tabId = await tabIdFor(popup, server.url('/demo/defectors-1937.html'));
  expect(tabId).toBeGreaterThan(0);
  await openExtensionPage(popup, `${session.extensionOrigin}/popup.html?tab=${tabId}`);
  await expect.poll(() => popup.evaluate(() => document.body.innerText, null), { timeout: 10_000 }).toContain('Walter Krivitsky');
  // The cast of the page: a lifetime chart of its people.
  await expect.poll(() => popup.evaluate(() => document.querySelectorAll('.cast .life').length, null)).toBeGreaterThan(5);
  const text = await popup.evaluate(() => document.body.innerText, null);
  expect(text).toMatch(/PEOPLE/i);
  expect(text).toMatch(/ORGANIZATIONS/i);
  await popup.close();
});
