/**
 * Content script entry: reads the page's text, asks the background which names it holds, paints
 * the highlights, keeps up with content that arrives later, and answers the popup. It changes the
 * page's DOM only for the card host while a card is open (and the fallback marks on browsers
 * without the Highlight API).
 */
import browser from 'webextension-polyfill';
import type { PageSummary, TabRequest, TabResponses } from '../core/protocol/messages';
import { validateTabRequest } from '../core/protocol/validate';
import { createRouter, send } from '../shared/messaging';
import { Annotator } from './annotator';
import { CardView } from './card-view';
import { HoverController } from './hover';
import { LiveUpdates } from './live';
import { PageMentions } from './mentions';

const mentions = new PageMentions();
const annotator = new Annotator(mentions);
const card = new CardView(mentions, (pm, id) => {
  // The reader's pick applies to every mention of the same form on this page.
  if (pm.key) annotator.choices[pm.key] = id;
  for (const other of mentions.all) {
    if (other === pm || (pm.key && other.key === pm.key && !other.id)) {
      other.id = id;
      other.candidates = undefined;
    }
  }
  card.open(pm);
});
const hover = new HoverController(mentions, card);
const live = new LiveUpdates(mentions, annotator, (node) => node === card.host || (card.host?.contains(node) ?? false));
let highlightsOn = false;

function summary(): PageSummary {
  const counts = new Map<string, number>();
  let ambiguous = 0;
  for (const pm of mentions.all) {
    if (pm.id) counts.set(pm.id, (counts.get(pm.id) ?? 0) + 1);
    else ambiguous++;
  }
  const entities = [...counts].map(([id, count]) => {
    const e = mentions.entities.get(id)!;
    return { id, name: e.name, type: e.type, count };
  });
  entities.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { url: location.href, title: document.title, highlightsOn, entities, ambiguous };
}

function setHighlights(on: boolean): boolean {
  highlightsOn = on;
  if (on) {
    mentions.highlighter.show();
    hover.start();
  } else {
    mentions.highlighter.hide();
    hover.stop();
  }
  return on;
}

const router = createRouter<TabRequest, TabResponses>(validateTabRequest, {
  'page.summary': () => summary(),
  'page.scrollTo': (m) => {
    const pm = mentions.all.find((x) => x.id === m.id);
    if (!pm) return false;
    pm.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return true;
  },
  'page.setHighlights': (m) => setHighlights(m.on),
});
browser.runtime.onMessage.addListener(router as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

/** Resolves at DOMContentLoaded (at once if the document is already parsed). */
function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

async function main(): Promise<void> {
  // We run at document_start: wake the background now, so its index loads while the page parses.
  const settingsReply = send({ type: 'settings.get' });
  void send({ type: 'warm' }).catch(() => undefined);
  await domReady();
  const settings = await settingsReply;
  if (settings.disabledSites.includes(location.hostname)) return;
  // Shown before detection: Highlight sets are live, so each batch paints as soon as it lands.
  if (settings.highlightsEnabled) setHighlights(true);
  live.start();
  await annotator.annotate(document.body ?? document.documentElement);
}

main().catch((err: unknown) => {
  // The page is not ours to break: a failure here is reported to the console only.
  console.warn('[Dramatis]', err instanceof Error ? err.message : err);
});
