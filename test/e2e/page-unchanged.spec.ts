/**
 * The host page is not ours: with Dramatis on, the page's DOM, its own script state and its layout
 * are exactly what they are with Dramatis off (highlights are painted, not inserted), but for our
 * one host: an empty, zero-size <div> at the end of <html> whose closed root holds the marks of the
 * reader's notes and tracked names (present whenever highlights are shown, so its presence says
 * nothing about the reader).
 */
import { expect, needsSharedPages, test } from './support/fixtures';
import { launchPlain, type TestPage } from '../../tools/browser/launch';
import { REAL_POST } from '../../tools/paths';
import { framesInfo, waitForHighlights } from '../../tools/browser/page';

interface PageState {
  html: string;
  /** Our host, if `withoutHost`: its markup, children and size (it is removed from `html` and `elements`). */
  host?: { html: string; children: number; width: number; height: number };
  elements: number;
  scriptRan: unknown;
  paragraphs: number[][];
  scrollHeight: number;
}

const readState = (page: TestPage, withoutHost = false) =>
  (page as unknown as { evaluate(s: string): Promise<PageState> }).evaluate(`(() => {
  const last = document.documentElement.lastElementChild;
  const host = ${withoutHost} && last && last.localName === 'div' ? last : null;
  const box = host && host.getBoundingClientRect();
  return {
  host: host ? { html: host.outerHTML, children: host.children.length, width: box.width, height: box.height } : undefined,
  html: host ? document.documentElement.outerHTML.replace(host.outerHTML, '') : document.documentElement.outerHTML,
  elements: document.getElementsByTagName('*').length - (host ? 1 : 0),
  scriptRan: window.__pageScriptRan ?? null,
  paragraphs: [...document.querySelectorAll('p, h1, h2, h3, li, figcaption, blockquote')].map((el) => {
    const r = el.getBoundingClientRect();
    return [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 100) / 100);
  }),
  scrollHeight: document.documentElement.scrollHeight,
  };
})()`);

test('the real post is the same with Dramatis on and off', async ({ tab: page, server, engine }) => {
  needsSharedPages();
  const url = server.url(`/shared/${REAL_POST}`);
  await page.goto(url);
  await waitForHighlights(page, 20);
  expect((await framesInfo(page)).hostTag).toBe('div');
  const on = await readState(page, true);
  expect(on.host).toMatchObject({ children: 0, width: 0, height: 0 });
  expect(on.host!.html).toMatch(/^<div style="[^"]*"><\/div>$/);

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
