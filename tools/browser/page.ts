/** Reading what Dramatis shows on a page, through the test probe (see tools/browser/probe/probe.js). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TestPage } from './launch';

export interface HighlightInfo {
  name: string;
  text: string;
  x: number;
  y: number;
}
export interface CardInfo {
  open: boolean;
  className?: string;
  background?: string;
  color?: string;
  focused?: string | null;
  buttons?: string[];
  mapPaths?: number;
  name?: string;
  text?: string;
  links?: { text: string; href: string; target: string }[];
  rect?: { x: number; y: number; width: number; height: number };
  hostMode?: string;
}

/**
 * Asks the probe through window.postMessage. The page-side code is a string so that no build tool
 * (tsx, Playwright's transform) can rewrite it with helpers that do not exist in the page.
 */
export async function ask<T>(page: TestPage, what: 'card' | 'clone-card' | 'ui' | 'frames', action?: unknown): Promise<T> {
  const script = `new Promise((resolve, reject) => {
    const id = Math.random().toString(36).slice(2);
    const timer = setTimeout(() => reject(new Error('the test probe did not answer')), 5000);
    window.addEventListener('message', function onMessage(event) {
      if (typeof event.data !== 'string' || !event.data.startsWith('{"dramatisProbeReply"')) return;
      const data = JSON.parse(event.data);
      if (data.dramatisProbeReply !== id) return;
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
      resolve(data);
    });
    window.postMessage(JSON.stringify({ dramatisProbe: id, what: ${JSON.stringify(what)}, action: ${JSON.stringify(action ?? null)} }), '*');
  })`;
  return (page as unknown as { evaluate(s: string): Promise<T> }).evaluate(script);
}

/**
 * The highlights as the page itself can see them: the Highlight registry belongs to the document,
 * so page scripts can read which ranges are painted (never what a card or a note says).
 */
export const highlights = (page: TestPage) =>
  (page as unknown as { evaluate(s: string): Promise<{ api: boolean; ranges: HighlightInfo[] }> }).evaluate(`(() => {
    const ranges = [];
    if (!globalThis.CSS || !CSS.highlights) return { api: false, ranges };
    CSS.highlights.forEach((highlight, name) => highlight.forEach((range) => {
      const r = range.getClientRects()[0];
      ranges.push({ name, text: range.toString(), x: r ? r.x + Math.min(4, r.width / 2) : -1, y: r ? r.y + r.height / 2 : -1 });
    }));
    return { api: true, ranges };
  })()`);
/** What the probe sees of the closed root besides the card: the notes frames and the painted marks. */
export interface FramesInfo {
  frames: { x: number; y: number; width: number; height: number; title: string; src: string }[];
  /** Rectangles of the marks painted in the closed root, by kind (note, person, place...). */
  marks: Record<string, { x: number; y: number; width: number; height: number }[]>;
  hostTag?: string;
}
export const framesInfo = (page: TestPage) => ask<FramesInfo>(page, 'frames');

interface DriverFrame {
  evaluate(script: string): Promise<unknown>;
}

/** Evaluates in a frame; a frame that went away meanwhile (Puppeteer throws synchronously then) gives `fallback`. */
export async function inFrame<T>(frame: DriverFrame, script: string, fallback: T): Promise<T> {
  try {
    return (await frame.evaluate(script)) as T;
  } catch {
    return fallback;
  }
}

/**
 * Dramatis's notes frames (notes-frame.html, an extension page inside the closed root) as the test
 * driver reaches them, each with where it is on the page. Frames are recognised from inside by their
 * own location (Firefox over BiDi reports extension frames as about:blank) and matched to the probe's
 * list by their src.
 */
export async function notesFrames(page: TestPage): Promise<{ frame: DriverFrame; box: FramesInfo['frames'][number] }[]> {
  const info = await framesInfo(page);
  if (info.frames.length === 0) return [];
  const all = (page as unknown as { frames(): DriverFrame[] }).frames();
  const found: { frame: DriverFrame; box: FramesInfo['frames'][number] }[] = [];
  for (const frame of all) {
    const href = await inFrame(frame, 'location.href', '');
    const box = info.frames.find((f) => f.src === href);
    if (box) found.push({ frame, box });
  }
  return found;
}

/** The text the notes frames show (inner text of each, joined). */
export async function notesFramesText(page: TestPage): Promise<string> {
  const texts: string[] = [];
  for (const { frame } of await notesFrames(page)) texts.push(await inFrame(frame, 'document.body.innerText', ''));
  return texts.join('\n');
}

/** The open card as the reader sees it: the closed root's part and the notes frame's part. */
export async function card(page: TestPage): Promise<CardInfo> {
  const shown = await ask<CardInfo>(page, 'card');
  if (!shown.open) return shown;
  const framed = await notesFramesText(page);
  return framed ? { ...shown, text: `${shown.text ?? ''}\n${framed}` } : shown;
}

/** Polls until check passes or the timeout ends; returns the last value. */
export async function waitFor<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

export const waitForHighlights = (page: TestPage, min = 1) =>
  waitFor(
    () => highlights(page),
    (h) => h.ranges.length >= min,
    15_000,
    `at least ${min} highlights`,
  );

/** Moves the pointer onto the first highlight whose text equals `text`, and waits for its card. */
export async function hoverName(page: TestPage, text: string, nth = 0): Promise<CardInfo> {
  // Highlights arrive in batches: wait for this one before giving up.
  const found = await waitFor(
    () => highlights(page),
    (h) => h.ranges.filter((r) => r.text === text).length > nth,
    8000,
    `the highlight "${text}"`,
  ).catch(async () => {
    throw new Error(
      `no highlight "${text}" (found: ${[...new Set((await highlights(page)).ranges.map((r) => r.text))].slice(0, 40).join(', ')})`,
    );
  });
  const target = found.ranges.filter((r) => r.text === text)[nth]!;
  await page.evaluate(({ x, y }: { x: number; y: number }) => {
    // Bring the name into view first; coordinates are re-read after scrolling.
    const el = document.elementFromPoint(x, y);
    if (!el) window.scrollTo(0, Math.max(0, y - 200));
  }, target);
  const fresh = (await highlights(page)).ranges.filter((r) => r.text === text)[nth]!;
  if (fresh.y < 0 || fresh.y > 880) {
    await page.evaluate((dy: number) => window.scrollBy(0, dy), fresh.y - 300);
  }
  const placed = (await highlights(page)).ranges.filter((r) => r.text === text)[nth]!;
  await page.mouse.move(placed.x - 30, placed.y + 60);
  await page.mouse.move(placed.x, placed.y);
  return waitFor(
    () => card(page),
    (c) => c.open,
    5000,
    `the card for "${text}"`,
  );
}

/**
 * Opens an extension page (popup.html, notebook.html) in a tab. Firefox never reports such a
 * navigation as finished over WebDriver BiDi, so we wait for the document ourselves.
 */
export async function openExtensionPage(page: TestPage, url: string): Promise<void> {
  await Promise.race([page.goto(url).catch(() => undefined), new Promise((r) => setTimeout(r, 3000))]);
  await waitFor(
    () =>
      (page as unknown as { evaluate(s: string): Promise<string> }).evaluate('location.href + "|" + document.readyState').catch(() => ''),
    (v) => v.startsWith(url) && v.endsWith('complete'),
    15_000,
    `${url} to load`,
  );
}

/** Runs axe-core over a copy of the open card (see the probe) and returns its violations. */
export async function axeViolations(page: TestPage): Promise<{ id: string; impact: string; help: string; nodes: number }[]> {
  const cloned = await ask<{ cloned: boolean }>(page, 'clone-card');
  if (!cloned.cloned) throw new Error('no open card to check');
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const evaluate = (page as unknown as { evaluate(s: string): Promise<unknown> }).evaluate.bind(page);
  await evaluate(`${source}\n;void 0`);
  return (await evaluate(
    `axe.run(document.getElementById('dramatis-axe-copy'), { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length })))`,
  )) as { id: string; impact: string; help: string; nodes: number }[];
}

/** Page coordinates of the first occurrence of `word` inside the text `context` (for hovering plain words). */
export async function wordPoint(page: TestPage, context: string, word: string): Promise<{ x: number; y: number }> {
  const script = `(() => {
    const context = ${JSON.stringify(context)};
    const word = ${JSON.stringify(word)};
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.data.indexOf(context);
      if (at === -1) continue;
      const start = at + context.indexOf(word);
      const range = document.createRange();
      range.setStart(n, start);
      range.setEnd(n, start + word.length);
      n.parentElement.scrollIntoView({ block: 'center' });
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    return null;
  })()`;
  const point = await (page as unknown as { evaluate(s: string): Promise<{ x: number; y: number } | null> }).evaluate(script);
  if (!point) throw new Error(`"${context}" is not on the page`);
  return point;
}
