/** Hover cards on the real post: content, namesakes, timing, keyboard, touch, dark mode, accessibility. */
import { expect, needsSharedPages, test } from './support/fixtures';
import { extensionPage, sendTabMessage, tabIdFor } from '../../tools/browser/extension';
import { axeViolations, card, highlights, hoverName, waitFor, waitForHighlights, wordPoint } from '../../tools/browser/page';
import { launchChromium, launchFirefox } from '../../tools/browser/launch';
import { backgroundStopper } from '../../tools/browser/background';
import { REAL_POST } from '../../tools/paths';

test.beforeEach(() => {
  needsSharedPages();
});

test('Krivitsky: name, badge, lifespan, relations on the page, notes, one link out', async ({ tab: page, server }) => {
  await page.goto(server.url(`/shared/${REAL_POST}`));
  await waitForHighlights(page, 20);
  // "also on this page" needs Reiss detected: the first highlights come from the first screenful alone.
  await waitFor(
    () => highlights(page),
    (h) => h.ranges.some((r) => r.text.includes('Reiss')),
    15_000,
    'a highlight of Reiss',
  );
  await hoverName(page, 'Krivitsky', 1);
  const shown = await waitFor(
    () => card(page),
    (c) => /also on this page/.test(c.text ?? ''),
    5000,
    'relations',
  );
  expect(shown.name).toBe('Walter Krivitsky');
  expect(shown.text).toMatch(/PERSON/i);
  expect(shown.text).toContain('1899–1941, aged 41');
  expect(shown.text).toMatch(/friend of\s+Ignace Reiss, also on this page/);
  expect(shown.text).toMatch(/No notes yet|\d+ notes?/);
  expect(shown.links).toEqual([{ text: 'Read on Wikipedia', href: 'https://en.wikipedia.org/wiki/Walter_Krivitsky', target: '_blank' }]);
});

test('with a cold background, a card on the real post opens and its text arrives from a shard not yet loaded', async ({
  engine,
  server,
}) => {
  // Its own browser: stopping the background here must not disturb the shared one's other specs.
  const session = engine === 'chromium' ? await launchChromium() : await launchFirefox();
  try {
    const page = await session.newPage();
    await page.goto(server.url(`/shared/${REAL_POST}`));
    await waitForHighlights(page, 20);
    // Stop the background (Chromium: the service worker over CDP; Firefox: its event page through
    // terminateBackground over BiDi): it forgets the index and every card shard, and must fetch them again.
    const stopper = await backgroundStopper(session, page);
    await stopper.stop();
    await waitFor(
      async () => stopper.stopped(),
      (n) => n > 0,
      5000,
      'the background to stop',
    );
    await hoverName(page, 'Krivitsky', 1);
    const shown = await waitFor(
      () => card(page),
      (c) => /Soviet/.test(c.text ?? '') && /also on this page/.test(c.text ?? ''),
      // A time limit, not a speed check: the background starts again and loads its index first.
      15_000,
      'the card text and relations after a cold start',
    );
    expect(shown.name).toBe('Walter Krivitsky');
    expect(shown.links?.[0]?.href).toBe('https://en.wikipedia.org/wiki/Walter_Krivitsky');
  } finally {
    await session.close();
  }
});

test('"the Hoover government" is Herbert Hoover', async ({ tab: page, server }) => {
  await page.goto(server.url(`/shared/${REAL_POST}`));
  await waitForHighlights(page, 20);
  const shown = await hoverName(page, 'Hoover');
  expect(shown.name).toBe('Herbert Hoover');
  expect(shown.text).toContain('1874');
});

test('hovering an ordinary word ("died") shows nothing, while the name beside it opens its card', async ({ tab: page, server }) => {
  await page.goto(server.url(`/shared/${REAL_POST}`));
  await waitForHighlights(page, 20);
  const p = await wordPoint(page, 'Hansen died in 1979', 'died');
  await page.mouse.move(p.x, p.y);
  await new Promise((r) => setTimeout(r, 1200));
  expect((await card(page)).open).toBe(false);
  // Positive control: the same wait on the name two words before opens its card.
  const name = await wordPoint(page, 'Hansen died in 1979', 'Hansen');
  await page.mouse.move(name.x, name.y);
  const opened = await waitFor(
    () => card(page),
    (c) => c.open,
    5000,
    'the card for Hansen',
  );
  expect(opened.name).toBe('Joseph Hansen');
});

test('a card opens only after hover intent and closes after the pointer leaves', async ({ tab: page, server }) => {
  await page.goto(server.url(`/shared/${REAL_POST}`));
  await waitForHighlights(page, 20);
  const p = await wordPoint(page, 'NKVD defector Walter Krivitsky', 'Krivitsky');
  await page.mouse.move(p.x, p.y);
  await new Promise((r) => setTimeout(r, 150));
  expect((await card(page)).open).toBe(false);
  await waitFor(
    () => card(page),
    (c) => c.open,
    3000,
    'the card after the intent delay',
  );
  await new Promise((r) => setTimeout(r, 300));
  const opened = await card(page);
  // The card fits in the viewport, and the pointer can travel into it: it stays open.
  expect(opened.rect!.y).toBeGreaterThanOrEqual(0);
  expect(opened.rect!.y + opened.rect!.height).toBeLessThanOrEqual(900);
  await page.mouse.move(opened.rect!.x + 40, opened.rect!.y + 30);
  await new Promise((r) => setTimeout(r, 800));
  expect((await card(page)).open).toBe(true);
  // Away from both name and card: it closes.
  await page.mouse.move(opened.rect!.x + opened.rect!.width + 200, 5);
  await waitFor(
    () => card(page),
    (c) => !c.open,
    3000,
    'the card to close after the pointer left',
  );
});

test('keyboard: the next-mention command opens a focused card; Escape closes it and gives focus back', async ({
  tab: page,
  server,
  session,
}) => {
  const url = server.url(`/shared/${REAL_POST}`);
  await page.goto(url);
  await waitForHighlights(page, 20);
  await page.evaluate(() => (document.querySelector('.site-title a') as HTMLElement).focus(), null);
  const ext = await extensionPage(session);
  const tabId = await tabIdFor(ext, url);
  expect(tabId).toBeGreaterThan(0);
  const reply = await sendTabMessage<string>(ext, tabId!, { type: 'page.step', direction: 'next' });
  expect(reply.ok).toBe(true);
  await ext.close();
  const opened = await waitFor(
    () => card(page),
    (c) => c.open,
    5000,
    'the card opened by the command',
  );
  expect(opened.name).toBe('Leon Trotsky');
  expect(opened.focused).toBe('dialog');
  // The card is operable by keyboard: Tab reaches its controls.
  await page.keyboard.press('Tab');
  await waitFor(
    () => card(page),
    (c) => c.focused !== 'dialog',
    3000,
    'focus to move into the card',
  );
  await page.keyboard.press('Escape');
  await waitFor(
    () => card(page),
    (c) => !c.open,
    3000,
    'the card to close',
  );
  expect(await page.evaluate(() => document.activeElement?.textContent, null)).toBe('Awful Avalanche');
});

test('touch: a tap opens the card; a tap on a name inside a link is left to the link', async ({ tab: page, server }) => {
  await page.goto(server.url(`/shared/${REAL_POST}`));
  await waitForHighlights(page, 20);
  const tap = (x: number, y: number) =>
    (page as unknown as { evaluate(s: string): Promise<void> }).evaluate(`(() => {
    const el = document.elementFromPoint(${x}, ${y});
    el.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'touch', clientX: ${x}, clientY: ${y}, bubbles: true, composed: true }));
    el.dispatchEvent(new PointerEvent('pointerup', { pointerType: 'touch', clientX: ${x}, clientY: ${y}, bubbles: true, composed: true }));
  })()`);
  const inText = await wordPoint(page, 'NKVD defector Walter Krivitsky', 'Krivitsky');
  await tap(inText.x, inText.y);
  expect(
    (
      await waitFor(
        () => card(page),
        (c) => c.open,
        3000,
        'the card after a tap',
      )
    ).name,
  ).toBe('Walter Krivitsky');
  const inLink = await wordPoint(page, 'Professor Chase: Trotsky In Mexico Part II-(F)', 'Trotsky');
  await tap(inLink.x, inLink.y);
  await new Promise((r) => setTimeout(r, 600));
  expect((await card(page)).open).toBe(false);
});

test('the card is clean for axe and meets contrast in light mode', async ({ tab: page, server }) => {
  await page.goto(server.url(`/shared/${REAL_POST}`));
  await waitForHighlights(page, 20);
  await hoverName(page, 'Mexico City');
  await waitFor(
    () => card(page),
    (c) => (c.mapPaths ?? 0) > 0,
    5000,
    'the map',
  );
  expect(await axeViolations(page)).toEqual([]);
});

test('on a narrow screen a tapped name opens its card as a sheet along the bottom', async ({ tab: page, server }) => {
  const resize = page.setViewportSize ? page.setViewportSize.bind(page) : page.setViewport!.bind(page);
  await resize({ width: 400, height: 800 });
  await page.goto(server.url(`/shared/${REAL_POST}`));
  await waitForHighlights(page, 20);
  const p = await wordPoint(page, 'NKVD defector Walter Krivitsky', 'Krivitsky');
  await (page as unknown as { evaluate(s: string): Promise<void> }).evaluate(`(() => {
    const el = document.elementFromPoint(${p.x}, ${p.y});
    el.dispatchEvent(new PointerEvent('pointerup', { pointerType: 'touch', clientX: ${p.x}, clientY: ${p.y}, bubbles: true, composed: true }));
  })()`);
  const shown = await waitFor(
    () => card(page),
    (c) => c.open,
    3000,
    'the sheet',
  );
  await new Promise((r) => setTimeout(r, 300));
  const settled = await card(page);
  expect(shown.name).toBe('Walter Krivitsky');
  expect(settled.className).toContain('sheet');
  // Full width of the viewport (less a scrollbar where the browser draws one).
  const viewportWidth = await (page as unknown as { evaluate(s: string): Promise<number> }).evaluate(
    'document.documentElement.clientWidth',
  );
  expect(settled.rect!.width).toBeGreaterThanOrEqual(viewportWidth - 2);
  const viewportHeight = await (page as unknown as { evaluate(s: string): Promise<number> }).evaluate(
    'document.documentElement.clientHeight',
  );
  expect(Math.round(settled.rect!.y + settled.rect!.height)).toBeGreaterThanOrEqual(viewportHeight - 2);
});
