/**
 * Page shapes that once defeated the content script (issue 12, deliverable 4 and point 13): lines
 * split by <br>, XML and SVG documents, a card closing on a live page, and a feed that never stops
 * growing. No timing is asserted (speed is the bench's: npm run bench -- --shapes); frames are
 * counted where "keeps up" needs a bound.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { highlights, hoverName, card, framesInfo, waitFor, waitForHighlights } from '../../tools/browser/page';
import type { TestPage } from '../../tools/browser/launch';
import { BENCH_DIR } from '../../tools/paths';
import { extensionPage, sendTabMessage, tabIdFor } from '../../tools/browser/extension';
import { infiniteScroll, NAMED, SCROLL_SENTENCE } from '../../scripts/bench/shape-pages';

const DIR = join(BENCH_DIR, 'e2e-shapes');
/** Paragraphs of the big page: over the 8,000 elements at which only names near the viewport are painted. */
const BIG_PARAS = 9000;
/** List items of the huge page, each with a bold number: over the 30,000 elements at which Chromium's names leave the registry. */
const HUGE_ITEMS = 16_000;
const url = (server: { url(p: string): string }, file: string) => server.url(`/bench/e2e-shapes/${file}`);
const run = <T>(page: TestPage, script: string) => (page as unknown as { evaluate(s: string): Promise<T> }).evaluate(script);

/** Hovers a mark drawn in the closed root (its box from framesInfo) and waits for its card. */
async function cardAtBox(page: TestPage, box: { x: number; y: number; height: number }) {
  await page.mouse.move(box.x - 30, box.y + 60);
  await page.mouse.move(box.x + 4, box.y + box.height / 2);
  return waitFor(
    () => card(page),
    (c) => c.open === true,
    10_000,
    'the card',
  );
}

test.beforeAll(() => {
  mkdirSync(DIR, { recursive: true });
  const lines = Array.from({ length: 2000 }, (_, i) => `${i + 1}. ${SCROLL_SENTENCE}`);
  writeFileSync(
    join(DIR, 'br-lines.html'),
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>br lines</title></head><body><div id="lines">${lines.join('<br>\n')}</div></body></html>`,
  );
  writeFileSync(
    join(DIR, 'drawing.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="120"><text x="10" y="40" font-size="20">Leon Trotsky met Diego Rivera in Coyoacán.</text></svg>',
  );
  writeFileSync(
    join(DIR, 'letters.xml'),
    '<?xml version="1.0"?>\n<letters><letter from="Walter Krivitsky">Ignace Reiss had been killed near Lausanne. Leon Trotsky read it.</letter></letters>',
  );
  const paras = Array.from({ length: 300 }, (_, i) => `<p>${NAMED[i % NAMED.length]} Paragraph ${i + 1}.</p>`);
  writeFileSync(
    join(DIR, 'card-close.html'),
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>card close</title><style>body{font:18px/1.6 Georgia,serif;max-width:700px;margin:2em auto}</style></head><body><main id="main">${paras.join('\n')}</main></body></html>`,
  );
  const feed = infiniteScroll(100, 10);
  writeFileSync(join(DIR, 'infinite.html'), feed.html);
  const items = Array.from({ length: HUGE_ITEMS }, (_, i) => `<li><b>${i + 1}</b> Item ${i + 1}. ${SCROLL_SENTENCE}</li>`);
  writeFileSync(
    join(DIR, 'huge.html'),
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>huge</title><style>body{font:16px/1.5 Georgia,serif;max-width:700px;margin:1em auto}</style></head><body><ul>${items.join('\n')}</ul></body></html>`,
  );
  // "Walter Krivitsky wrote another letter that evening." repeated, one <span> a character: a block of thousands of text nodes.
  const letters = [...Array.from({ length: 60 }, () => SCROLL_SENTENCE).join(' ')].map((c) => `<span>${c}</span>`).join('');
  writeFileSync(
    join(DIR, 'letters.html'),
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>letters</title><style>body{font:16px/1.5 Georgia,serif;max-width:700px;margin:1em auto}</style></head><body><p>${letters}</p></body></html>`,
  );
  const many = Array.from({ length: BIG_PARAS }, (_, i) => `<p>Item ${i + 1}. ${SCROLL_SENTENCE}</p>`);
  writeFileSync(
    join(DIR, 'big.html'),
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>big</title><style>body{font:16px/1.5 Georgia,serif;max-width:700px;margin:1em auto}</style></head><body>${many.join('\n')}</body></html>`,
  );
});

test('a page over 8,000 elements: names are painted near the viewport only, every one is counted, and a jump far down is marked', async ({
  tab: page,
  server,
  session,
}) => {
  const address = url(server, 'big.html');
  await page.goto(address);
  await waitFor(
    () => highlights(page),
    (h) => h.ranges.length > 0,
    30_000,
    'the first marks',
  );
  // The popup's count sees every name, painted or not.
  const ext = await extensionPage(session);
  const tabId = await tabIdFor(ext, address);
  type Summary = { entities: { id: string; count: number }[] };
  const summary = await waitFor(
    async () => (await sendTabMessage<Summary>(ext, tabId!, { type: 'page.summary' })).value,
    (s) => (s?.entities.find((e) => e.id === 'walter-krivitsky')?.count ?? 0) >= BIG_PARAS,
    60_000,
    'every paragraph counted',
  );
  expect(summary!.entities.find((e) => e.id === 'walter-krivitsky')!.count).toBe(BIG_PARAS);
  // The registry holds what is near the viewport, not the page's 9,000 names.
  const top = await highlights(page);
  expect(top.ranges.length).toBeGreaterThan(0);
  expect(top.ranges.length).toBeLessThan(BIG_PARAS / 10);
  // A jump to the end: the names there are marked, those at the top unpainted.
  await run(page, 'scrollTo(0, document.documentElement.scrollHeight)');
  const height = await run<number>(page, 'innerHeight');
  const end = await waitFor(
    () => highlights(page),
    (h) => h.ranges.some((r) => r.y > 0 && r.y < height),
    10_000,
    'marks in the viewport after the jump',
  );
  expect(end.ranges.length).toBeLessThan(BIG_PARAS / 10);
  // Marks near the viewport arrive in slices (in Firefox, a few per frame: src/content/slicer.ts), so the
  // last paragraph's may come a frame or two after the first mark in view: wait for it, within a limit.
  const last = await waitFor(
    () =>
      run<number>(
        page,
        `(() => { let n = 0; CSS.highlights.forEach((h) => h.forEach((r) => { if (r.startContainer.parentElement.textContent.startsWith('Item ${BIG_PARAS}.')) n++; })); return n; })()`,
      ),
    (n) => n > 0,
    10_000,
    'the last paragraph marked',
  );
  expect(last).toBe(1);
});

test('a page over 30,000 elements: in Chromium its names are drawn in the closed root, none in the registry; a jump far down is marked; a card opens', async ({
  tab: page,
  server,
  engine,
}) => {
  await page.goto(url(server, 'huge.html'));
  const height = await run<number>(page, 'innerHeight');
  const boxesInView = async () => ((await framesInfo(page)).marks.person ?? []).filter((b) => b.y > 0 && b.y < height);
  if (engine === 'firefox') {
    // Firefox pays nothing per registry change for the page's size: the names stay in the registry there.
    const marked = await waitFor(
      () => highlights(page),
      (h) => h.ranges.length > 0,
      30_000,
      'the first marks',
    );
    expect(marked.ranges.length).toBeLessThan(HUGE_ITEMS / 10);
    expect((await framesInfo(page)).marks.person ?? []).toHaveLength(0);
    return;
  }
  const first = await waitFor(boxesInView, (b) => b.length > 0, 30_000, 'marks drawn in the viewport');
  expect((await highlights(page)).ranges).toHaveLength(0);
  // Only what is near the viewport is drawn, not the page's 16,000 names.
  expect(((await framesInfo(page)).marks.person ?? []).length).toBeLessThan(HUGE_ITEMS / 10);
  // Each box sits on its name: the text under its middle is the name.
  const under = await run<string>(
    page,
    `(() => { const p = document.caretRangeFromPoint(${first[0]!.x + 4}, ${first[0]!.y + first[0]!.height / 2}); const t = p.startContainer.textContent; return t.slice(Math.max(0, p.startOffset - 20), p.startOffset + 20); })()`,
  );
  expect(under).toContain('Krivitsky');
  await run(page, 'scrollTo(0, document.documentElement.scrollHeight)');
  const end = await waitFor(boxesInView, (b) => b.length > 0, 10_000, 'marks in the viewport after the jump');
  expect((await highlights(page)).ranges).toHaveLength(0);
  // Hovering a drawn name opens its card (hover finds names by the caret, not by the marks).
  expect((await cardAtBox(page, end[end.length - 1]!)).name).toBe('Walter Krivitsky');
});

test('a block of over 2,500 one-letter elements: in Firefox its names are drawn in the closed root, one box a name, and a card opens', async ({
  tab: page,
  server,
  engine,
}) => {
  await page.goto(url(server, 'letters.html'));
  if (engine === 'chromium') {
    // Chromium paints such a block through the registry within budget (docs/PERFORMANCE.md): the names stay there.
    const marked = await waitFor(
      () => highlights(page),
      (h) => h.ranges.length >= 60,
      30_000,
      'the names in the registry',
    );
    expect(marked.ranges.length).toBe(60);
    return;
  }
  const boxes = await waitFor(
    async () => (await framesInfo(page)).marks.person ?? [],
    (b) => b.length >= 60,
    30_000,
    'the names drawn in the closed root',
  );
  expect((await highlights(page)).ranges).toHaveLength(0);
  // One box a name and line (a name broken across two lines has two), not one per letter.
  expect(boxes.length).toBeLessThan(70);
  const first = boxes[0]!;
  expect(first.width).toBeGreaterThan(60); // "Walter Krivitsky", not one letter
  expect((await cardAtBox(page, first)).name).toBe('Walter Krivitsky');
});

test('2,000 lines in one element, separated by <br>: every line is marked', async ({ tab: page, server }) => {
  await page.goto(url(server, 'br-lines.html'));
  const h = await waitFor(
    () => highlights(page),
    (x) => x.ranges.length >= 2000,
    30_000,
    'a mark on each of the 2,000 lines',
  );
  expect(h.ranges.filter((r) => r.text === 'Walter Krivitsky')).toHaveLength(2000);
});

for (const file of ['drawing.svg', 'letters.xml']) {
  test(`${file}: Dramatis stays out of a document without an HTML body, and throws nothing`, async ({
    tab: page,
    server,
    engine,
    session,
  }) => {
    const exceptions: string[] = [];
    if (engine === 'chromium') {
      // Chromium reports exceptions of every world, content scripts included, over CDP.
      const cdp = await (session as unknown as { context: { newCDPSession(p: unknown): Promise<never> } }).context.newCDPSession(page);
      const c = cdp as unknown as {
        send(m: string): Promise<unknown>;
        on(e: string, f: (x: { exceptionDetails: { text: string; url?: string } }) => void): void;
      };
      c.on('Runtime.exceptionThrown', (e) => exceptions.push(`${e.exceptionDetails.text} ${e.exceptionDetails.url ?? ''}`));
      await c.send('Runtime.enable');
    }
    await page.goto(url(server, file));
    // The page's own view of it: a page-world error listener, the highlight registry and the DOM.
    await run(page, `window.__errors = []; window.addEventListener('error', (e) => window.__errors.push(String(e.message)));`);
    const before = await run<string>(page, 'new XMLSerializer().serializeToString(document)');
    // Hover the text (where the old content script opened a card and threw), then wait for an HTML
    // page in the same tab to be marked: the content script has had every chance to act.
    await page.mouse.move(60, 35);
    await page.mouse.move(90, 36);
    await page.goto(url(server, 'card-close.html'));
    await waitForHighlights(page, 5);
    await page.goto(url(server, file));
    await page.mouse.move(60, 35);
    await page.mouse.move(90, 36);
    await new Promise((r) => setTimeout(r, 1500));
    const after = await run<{ marks: number; doc: string; errors: string[] }>(
      page,
      `({ marks: globalThis.CSS && CSS.highlights ? [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0) : 0,
          doc: new XMLSerializer().serializeToString(document), errors: window.__errors || [] })`,
    );
    // An SVG image is left alone. Chromium shows an XML file through its own HTML viewer, which
    // Dramatis may read like any page; Firefox's is left alone. Either way: nothing changed, nothing thrown.
    if (file.endsWith('.svg')) expect(after.marks).toBe(0);
    expect(after.doc).toBe(before);
    expect(after.errors).toEqual([]);
    expect(exceptions.filter((e) => /extension:\/\//.test(e) || e.includes('Uncaught'))).toEqual([]);
  });
}

test('closing a card re-reads nothing: every mark keeps its range, and a later page change is still read', async ({
  tab: page,
  server,
}) => {
  await page.goto(url(server, 'card-close.html'));
  // Let the first reading finish: the count stops changing.
  let settled = -1;
  for (let n = (await waitForHighlights(page, 100)).ranges.length; n !== settled; n = (await highlights(page)).ranges.length) {
    settled = n;
    await new Promise((r) => setTimeout(r, 700));
  }
  const opened = await hoverName(page, 'Walter Krivitsky');
  expect(opened.open).toBe(true);
  // Remember the very Range objects now registered (a re-detection replaces every one of them).
  const count = await run<number>(
    page,
    `(() => { window.__ranges = new Set(); CSS.highlights.forEach((h) => h.forEach((r) => window.__ranges.add(r))); return window.__ranges.size; })()`,
  );
  await page.keyboard.press('Escape');
  await waitFor(
    () => card(page),
    (c) => !c.open,
    5000,
    'the card to close',
  );
  // A real change after the close: once it is marked, the live-update pass after the close has run.
  await run(
    page,
    `(() => { const p = document.createElement('p'); p.id = 'late'; p.textContent = 'Late news: Whittaker Chambers testified.'; document.getElementById('main').append(p); })()`,
  );
  await waitFor(
    () => highlights(page),
    (h) => h.ranges.some((r) => r.text === 'Whittaker Chambers' && r.y > -1) && h.ranges.length > count,
    15_000,
    'the late paragraph to be marked',
  );
  const check = await run<{ kept: number; fresh: string[] }>(
    page,
    `(() => { let kept = 0; const fresh = [];
      CSS.highlights.forEach((h) => h.forEach((r) => { if (window.__ranges.has(r)) kept++; else fresh.push(r.toString()); }));
      return { kept, fresh }; })()`,
  );
  expect(check.kept).toBe(count);
  expect(check.fresh).toEqual(['Whittaker Chambers']);
});

test('infinite scroll: the newest paragraphs are marked within a bounded number of frames after the feed stops', async ({
  tab: page,
  server,
}) => {
  await page.goto(url(server, 'infinite.html'));
  // In the page: once the feed has stopped, count animation frames until its last paragraph is marked.
  await run(
    page,
    `(() => {
      const s = (window.__keep = { frames: -1, marked: 0, samples: [] });
      const lastMarked = () => {
        const last = document.getElementById('item-' + window.__grow.appended);
        let found = false;
        CSS.highlights.forEach((h) => h.forEach((r) => { if (!found && last && last.contains(r.startContainer)) found = true; }));
        return found;
      };
      let since = -1;
      const frame = () => {
        const g = window.__grow;
        if (g.done) {
          since++;
          if (lastMarked()) { s.frames = since; return; }
        }
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    })()`,
  );
  const result = await waitFor(
    () =>
      run<{ frames: number; appended: number; marks: number }>(
        page,
        `({ frames: window.__keep.frames, appended: window.__grow.appended, marks: window.__shape.marks })`,
      ),
    (r) => r.frames >= 0,
    60_000,
    'the last paragraph of the feed to be marked',
  );
  // The feed's timer runs late on a loaded machine: fewer than 1,000 paragraphs may come in 10 s.
  expect(result.appended).toBeGreaterThanOrEqual(300);
  test.info().annotations.push({ type: 'frames', description: `${result.frames} frames after ${result.appended} paragraphs` });
  console.log(`infinite scroll: last of ${result.appended} paragraphs marked ${result.frames} frames after the feed stopped`);
  // 100 paragraphs a second for 10 s: marked within 300 frames (5 s at 60 Hz) of the last one; a
  // backlog (one detection per paragraph, as before) needed thousands of frames.
  expect(result.frames).toBeLessThanOrEqual(300);
  const all = await waitFor(
    () => run<{ appended: number; marks: number }>(page, `({ appended: window.__grow.appended, marks: window.__shape.marks })`),
    (r) => r.marks >= r.appended,
    20_000,
    'every paragraph marked',
  );
  expect(all.marks).toBe(all.appended);
});
