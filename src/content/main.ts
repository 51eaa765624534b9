/**
 * Content script entry, at document_start: wakes the background, reads the settings, and runs one
 * ContentSession while Dramatis is on for this site. Answers the popup and the keyboard commands
 * through one validated router. The page's DOM is changed only for the card host while a card is
 * open (and the fallback marks on browsers without the Highlight API).
 */
import browser from 'webextension-polyfill';
import type { Settings, TabRequest, TabResponses } from '../core/protocol/messages';
import { validateTabRequest } from '../core/protocol/validate-tab';
import { settingsFrom, siteEnabled } from '../core/settings';
import { createRouter, send, sendPatiently } from '../shared/messaging';
import { ContentSession } from './session';
import { PACED_BY_FRAMES } from './slicer';
import { idleSummary } from './summary';
import { traceContent, traceSpan, traceStart } from '../shared/trace';

/**
 * How long the first settings request keeps asking a background that does not answer. It wakes a
 * stopped worker, which may drop it while it starts; highlights wait for its answer, so a lost
 * answer left a page detected but never highlighted (1 cold load in 7 on the bench, 2026-12-07).
 */
const SETTINGS_DEADLINE_MS = 10_000;

/** Pages this large spend their first frames on their own layout: we read them after the first paint. */
const BIG_PAGE_ELEMENTS = 8000;
/**
 * Above this many elements a change to the highlight registry costs Chromium a walk of the whole layout
 * tree long enough to matter (33-51 ms at 50,000): names are drawn in the closed root instead.
 */
const HUGE_PAGE_ELEMENTS = 30_000;

let session: ContentSession | undefined;
/** The settings last known in this tab (from settings.get, then every `page.settings` broadcast). */
let known: Settings | undefined;

const enabledHere = (settings: Settings): boolean => siteEnabled(settings, location.hostname);

const XHTML = 'http://www.w3.org/1999/xhtml';

/**
 * Dramatis reads HTML pages (XHTML included). An SVG image or an XML file opened as a page has no
 * HTML body to read, and no HTML element can host a card in it (attachShadow throws on other
 * elements), so there the content script stays out, quietly.
 */
export function isHtmlPage(doc: Document): boolean {
  return doc.documentElement?.namespaceURI === XHTML && doc.body?.namespaceURI === XHTML;
}

/**
 * New settings from the background (the options page, the popup, a restore): the site may have
 * been switched off or on, and the marks, kinds, style and card trigger apply at once, without
 * reloading. The global highlight switch is applied only when it changed, so a page whose
 * highlights the reader turned off from the popup stays off when some other setting changes.
 */
async function onSettings(next: Settings): Promise<boolean> {
  const before = known;
  known = next;
  if (!enabledHere(next)) {
    stopSession();
    return false;
  }
  if (!session) {
    await startSession(next);
    return true;
  }
  session.applySettings(next);
  if (before && before.highlightsEnabled !== next.highlightsEnabled) session.setHighlights(next.highlightsEnabled);
  return true;
}

const router = createRouter<TabRequest, TabResponses>(validateTabRequest, {
  'page.summary': () => session?.summary() ?? idleSummary(),
  'page.scrollTo': (m) => session?.scrollTo(m.id) ?? false,
  'page.setHighlights': (m) => session?.setHighlights(m.on) ?? false,
  'page.step': (m) => session?.step(m.direction) ?? null,
  'page.notesChanged': async () => {
    await session?.reloadNotes();
    return true;
  },
  'page.correctionsChanged': async () => {
    await session?.reresolve();
    return true;
  },
  'page.packsChanged': async () => {
    await session?.packsChanged();
    return true;
  },
  'page.setSiteEnabled': async (m) => {
    if (!m.on) stopSession();
    else if (!isHtmlPage(document)) return false;
    else if (!session) await startSession({ ...(known ?? (await send({ type: 'settings.get' }))), highlightsEnabled: true });
    return m.on;
  },
  // The broadcast carries no site lists (a content script never holds where the reader reads):
  // this site's own answer comes from settings.get.
  'page.settings': async () => onSettings(settingsFrom(await send({ type: 'settings.get' }))),
});
browser.runtime.onMessage.addListener(router as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

function stopSession(): void {
  session?.stop();
  session = undefined;
}

/** Resolves at DOMContentLoaded (at once if the document is already parsed). */
function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/** After the page's first frame; at once in a hidden tab (it draws no frames, and no one sees it wait). */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState !== 'visible') return resolve();
    document.addEventListener('visibilitychange', () => resolve(), { once: true });
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/**
 * Starts a session. With settings known, highlights follow them; with settings still on their way
 * (the background answers them while it loads its index), the page is read meanwhile and nothing is
 * shown until they say this site is on.
 */
async function startSession(settings: Settings | undefined, later?: Promise<Settings>): Promise<void> {
  const started = traceStart();
  const s = (session = new ContentSession());
  // Counting elements is one native call. In Firefox a page this large is read after its first
  // paint, even when the settings (whose "show names" starts the reading) are already known; in
  // Chromium, as before, at once then (see PACED_BY_FRAMES).
  const elements = document.getElementsByTagName('*').length;
  const big = elements > BIG_PAGE_ELEMENTS;
  if (big) s.paintNearViewport(PACED_BY_FRAMES ? afterFirstPaint() : undefined, elements > HUGE_PAGE_ELEMENTS);
  traceSpan('session start', started);
  if (settings) {
    known ??= settings;
    s.applySettings(settings);
    if (settings.highlightsEnabled) s.setHighlights(true);
  }
  void later
    ?.then((arrived) => {
      known ??= arrived;
      if (!enabledHere(arrived)) {
        if (session === s) stopSession();
        return;
      }
      s.applySettings(arrived);
      if (arrived.highlightsEnabled) s.setHighlights(true);
    })
    .catch((err: unknown) => console.warn('[Dramatis]', err instanceof Error ? err.message : err));
  if (big) await afterFirstPaint();
  if (!s.stopped) await s.annotatePage();
}

async function main(): Promise<void> {
  // We run at document_start: wake the background now, so its index loads while the page parses.
  traceContent('content start');
  void send({ type: 'warm' })
    .then(() => traceContent('warm answered'))
    .catch(() => undefined);
  const settingsReply = sendPatiently({ type: 'settings.get' }, SETTINGS_DEADLINE_MS);
  void settingsReply.then(() => traceContent('settings answered')).catch(() => undefined);
  await domReady();
  if (!isHtmlPage(document)) return;
  const settings = await Promise.race([settingsReply, new Promise<undefined>((r) => setTimeout(r, 0))]);
  if (settings) known = settings;
  if (settings && !enabledHere(settings)) return;
  await startSession(settings, settings ? undefined : settingsReply);
}

main().catch((err: unknown) => {
  // The page is not ours to break: a failure here is reported to the console only.
  console.warn('[Dramatis]', err instanceof Error ? err.message : err);
});
