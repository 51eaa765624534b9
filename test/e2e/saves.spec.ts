/**
 * Saves that always land (issue 12, deliverable 7), in both browsers: 200 saves in a burst through
 * the product's own save path while the background is stopped every 100 ms; afterwards all 200
 * are there, once each.
 */
import { expect, test } from './support/fixtures';
import { backgroundStopper } from '../../tools/browser/background';
import type { TestPage } from '../../tools/browser/launch';
import { openExtensionPage } from '../../tools/browser/page';
import { pageBundle } from '../../tools/browser/page-bundle';

const evaluate = <T>(page: TestPage, script: string) => (page as unknown as { evaluate(s: string): Promise<T> }).evaluate(script);

const SAVES = 200;

test('200 saves while the background is stopped every 100 ms: all 200 land, none twice', async ({ session }) => {
  test.setTimeout(120_000);
  const page = await session.newPage();
  await openExtensionPage(page, `${session.extensionOrigin}/notebook.html`);
  const stopper = await backgroundStopper(session, page);
  await evaluate(page, await pageBundle('src/shared/save-note.ts', 'dramatisSave'));
  const run = `burst${Date.now()}`;
  await evaluate(
    page,
    `globalThis.burstRetries = 0; globalThis.burstOutcomes = Promise.all(Array.from({ length: ${SAVES} }, (_, i) => new Promise((r) => setTimeout(r, i * 10)).then(() => {
      const now = Date.now();
      const note = { id: '${run}-' + i, kind: 'page', text: '${run} note ' + i, tags: [], created: now, updated: now, page: { url: 'https://example.org/burst', title: 'Burst' } };
      return dramatisSave.saveNote(note, { deadlineMs: 60000, onStatus: (s) => { if (s.state === 'retrying') globalThis.burstRetries++; } }).then(() => 'saved', (e) => 'lost: ' + e.message);
    }))); 0`,
  );
  // Stop the background every 100 ms for the whole burst (2 s) and a second after it; a stop is
  // not awaited before the next is sent (stopping takes the browser longer than 100 ms at times).
  const stopping: Promise<void>[] = [];
  const until = Date.now() + 3_000;
  while (Date.now() < until) {
    stopping.push(stopper.stop());
    await new Promise((r) => setTimeout(r, 100));
  }
  await Promise.all(stopping);
  const stops = stopping.length;
  const outcomes = await evaluate<string[]>(page, 'globalThis.burstOutcomes');
  expect(outcomes.filter((o) => o !== 'saved')).toEqual([]);
  // The stops hit saves in flight: without the retries in save-note.ts these saves would be lost.
  expect(stops).toBeGreaterThanOrEqual(10);
  expect(stopper.stopped()).toBeGreaterThan(0);
  expect(await evaluate<number>(page, 'globalThis.burstRetries')).toBeGreaterThan(0);
  const stored = await evaluate<{ total: number; ids: string[] }>(
    page,
    `(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      const reply = await api.runtime.sendMessage({ type: 'notes.query', query: { text: '${run}', limit: 500 } });
      return { total: reply.value.total, ids: reply.value.notes.map((n) => n.id) };
    })()`,
  );
  expect(stored.total).toBe(SAVES);
  expect(new Set(stored.ids).size).toBe(SAVES);
  await page.close();
});
