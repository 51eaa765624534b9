/** Content that arrives after load is detected incrementally; content that leaves takes its highlights along. */
import { expect, test } from './support/fixtures';
import { highlights, waitFor, waitForHighlights } from './support/page-helpers';

test('names in comments loaded after page load are highlighted', async ({ tab: page, server }) => {
  await page.goto(server.url('/fixtures/live-page.html'));
  await waitForHighlights(page, 1);
  const after = await waitFor(() => highlights(page), (h) => h.ranges.some((r) => r.text === 'Ignace Reiss'), 10_000, 'the late comment to be highlighted');
  const texts = after.ranges.map((r) => r.text);
  for (const name of ['Walter Krivitsky', 'Ignace Reiss', 'NKVD']) expect(texts).toContain(name);
});

test('a History API navigation replaces the highlights with the new view\'s', async ({ tab: page, server }) => {
  await page.goto(server.url('/fixtures/live-page.html'));
  await waitFor(() => highlights(page), (h) => h.ranges.some((r) => r.text === 'Ignace Reiss'), 10_000, 'the comments');
  await page.evaluate(() => (window as unknown as { navigateTo(p: string): void }).navigateTo('/fixtures/other-view'), null);
  const after = await waitFor(() => highlights(page), (h) => h.ranges.some((r) => r.text === 'Leon Trotsky'), 10_000, 'the new view');
  const texts = after.ranges.map((r) => r.text);
  expect(texts).toContain('Leon Trotsky');
  for (const gone of ['Walter Krivitsky', 'Ignace Reiss', 'NKVD']) expect(texts).not.toContain(gone);
});
