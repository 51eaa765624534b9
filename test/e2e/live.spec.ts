/** Content that arrives after load is detected incrementally; content that leaves takes its highlights along. */
import { expect, needsSharedPages, test } from './support/fixtures';
import { extensionPage, sendTabMessage, tabIdFor } from '../../tools/browser/extension';
import { card, highlights, waitFor, waitForHighlights, wordPoint } from '../../tools/browser/page';
import { REAL_POST } from '../../tools/paths';

test('names in comments loaded after page load are highlighted', async ({ tab: page, server }) => {
  await page.goto(server.url('/fixtures/live-page.html'));
  await waitForHighlights(page, 1);
  const after = await waitFor(
    () => highlights(page),
    (h) => h.ranges.some((r) => r.text === 'Ignace Reiss'),
    10_000,
    'the late comment to be highlighted',
  );
  const texts = after.ranges.map((r) => r.text);
  for (const name of ['Walter Krivitsky', 'Ignace Reiss', 'NKVD']) expect(texts).toContain(name);
});

test("a History API navigation replaces the highlights with the new view's", async ({ tab: page, server }) => {
  await page.goto(server.url('/fixtures/live-page.html'));
  await waitFor(
    () => highlights(page),
    (h) => h.ranges.some((r) => r.text === 'Ignace Reiss'),
    10_000,
    'the comments',
  );
  await page.evaluate(() => (window as unknown as { navigateTo(p: string): void }).navigateTo('/fixtures/other-view'), null);
  const after = await waitFor(
    () => highlights(page),
    (h) => h.ranges.some((r) => r.text === 'Leon Trotsky'),
    10_000,
    'the new view',
  );
  const texts = after.ranges.map((r) => r.text);
  expect(texts).toContain('Leon Trotsky');
  for (const gone of ['Walter Krivitsky', 'Ignace Reiss', 'NKVD']) expect(texts).not.toContain(gone);
});

test('the real post: a comment added after load is highlighted, and the page is otherwise untouched', async ({ tab: page, server }) => {
  needsSharedPages();
  await page.goto(server.url(`/shared/${REAL_POST}`));
  await waitForHighlights(page, 20);
  // Let the first pass finish: the count stays the same for 2.4 s. The first screenful's highlights
  // come alone, and the rest of the page's can take over a second on a loaded machine.
  for (let last = -1, stable = 0; stable < 6;) {
    const n = (await highlights(page)).ranges.length;
    stable = n === last ? stable + 1 : 0;
    last = n;
    await new Promise((r) => setTimeout(r, 400));
  }
  const count = (h: Awaited<ReturnType<typeof highlights>>, text: string) => h.ranges.filter((r) => r.text === text).length;
  const before = await highlights(page);
  // What a comment plugin does: append a new comment to the thread, by script, after load.
  await (page as unknown as { evaluate(s: string): Promise<void> }).evaluate(`(() => {
    const list = document.querySelector('.commentlist') || document.querySelector('ol') || document.body;
    const li = document.createElement('li');
    li.className = 'comment';
    li.innerHTML = '<div class="comment-body"><p>Late comment: Whittaker Chambers read Ignace Reiss\\'s letter too.</p></div>';
    list.appendChild(li);
  })()`);
  const after = await waitFor(
    () => highlights(page),
    // Both names of the comment: a snapshot between their two paints once caught one without the other.
    (h) => count(h, 'Whittaker Chambers') > count(before, 'Whittaker Chambers') && count(h, 'Ignace Reiss') > count(before, 'Ignace Reiss'),
    10_000,
    'the late comment',
  );
  expect(count(after, 'Ignace Reiss')).toBe(count(before, 'Ignace Reiss') + 1);
  expect(after.ranges.length).toBe(before.ranges.length + 2);
});

test('switching Dramatis off for the site stops everything: no highlights, no card, no re-reading of new content', async ({
  tab: page,
  server,
  session,
}) => {
  const url = server.url('/fixtures/live-page.html');
  await page.goto(url);
  await waitFor(
    () => highlights(page),
    (h) => h.ranges.some((r) => r.text === 'Ignace Reiss'),
    10_000,
    'the comments',
  );
  const ext = await extensionPage(session);
  const tabId = await tabIdFor(ext, url);
  expect((await sendTabMessage<boolean>(ext, tabId!, { type: 'page.setSiteEnabled', on: false })).ok).toBe(true);
  expect((await highlights(page)).ranges).toEqual([]);
  // Content added now is not read: the observer is gone.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Leon Trotsky wrote to Walter Krivitsky.';
    document.getElementById('comments')!.appendChild(p);
  }, null);
  await new Promise((r) => setTimeout(r, 1500));
  expect((await highlights(page)).ranges).toEqual([]);
  // Hovering where a name was opens nothing: the listeners are gone.
  const p = await wordPoint(page, 'Walter Krivitsky reached', 'Krivitsky');
  await page.mouse.move(p.x, p.y);
  await new Promise((r) => setTimeout(r, 900));
  expect((await card(page)).open).toBe(false);
  // The popup sees the site switched off; switching it on again brings everything back.
  const summary = await sendTabMessage<{ entities: unknown[]; highlightsOn: boolean }>(ext, tabId!, { type: 'page.summary' });
  expect(summary.value).toMatchObject({ entities: [], highlightsOn: false });
  expect((await sendTabMessage<boolean>(ext, tabId!, { type: 'page.setSiteEnabled', on: true })).ok).toBe(true);
  const back = await waitFor(
    () => highlights(page),
    (h) => h.ranges.some((r) => r.text === 'Leon Trotsky'),
    10_000,
    'highlights after switching back on',
  );
  expect(back.ranges.map((r) => r.text)).toContain('Walter Krivitsky');
  await ext.close();
});
