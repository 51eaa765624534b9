/**
 * The host page is not ours: with Dramatis on, the page's DOM, its own script state and its layout
 * are exactly what they are with Dramatis off (highlights are painted, not inserted).
 */
import { expect, needsSharedPages, test } from './support/fixtures';
import { launchPlain, type TestPage } from '../../tools/browser/launch';
import { REAL_POST } from '../../tools/paths';
import { waitForHighlights } from '../../tools/browser/page';

interface PageState {
  html: string;
  elements: number;
  scriptRan: unknown;
  paragraphs: number[][];
  scrollHeight: number;
}

const readState = (page: TestPage) =>
  (page as unknown as { evaluate(s: string): Promise<PageState> }).evaluate(`(() => ({
  html: document.documentElement.outerHTML,
  elements: document.getElementsByTagName('*').length,
  scriptRan: window.__pageScriptRan ?? null,
  paragraphs: [...document.querySelectorAll('p, h1, h2, h3, li, figcaption, blockquote')].map((el) => {
    const r = el.getBoundingClientRect();
    return [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 100) / 100);
  }),
  scrollHeight: document.documentElement.scrollHeight,
}))()`);

test('the real post is the same with Dramatis on and off', async ({ tab: page, server, engine }) => {
  needsSharedPages();
  const url = server.url(`/shared/${REAL_POST}`);
  await page.goto(url);
  await waitForHighlights(page, 20);
  const on = await readState(page);

  const plain = await launchPlain(engine);
  try {
    const baseline = await plain.newPage();
    await baseline.goto(url);
    const off = await readState(baseline);
    expect(on.scriptRan).toBe(true);
    expect(on.scriptRan).toEqual(off.scriptRan);
    expect(on.elements).toBe(off.elements);
    expect(on.html).toBe(off.html);
    expect(on.paragraphs.length).toBeGreaterThan(30);
    expect(on.paragraphs).toEqual(off.paragraphs);
    expect(on.scrollHeight).toBe(off.scrollHeight);
  } finally {
    await plain.close();
  }
});
