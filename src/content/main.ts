/**
 * Content script entry: reads the page's text, asks the background which names it holds, paints
 * the highlights and answers the popup. It never changes the page's DOM except for the card host
 * while a card is open (and the fallback marks on browsers without the Highlight API).
 */
import browser from 'webextension-polyfill';
import type { PageSummary, TabRequest, TabResponses, DetectResult } from '../core/protocol/messages';
import { validateTabRequest } from '../core/protocol/validate';
import { createRouter, send } from '../shared/messaging';
import { CardView } from './card-view';
import { HoverController } from './hover';
import { PageMentions } from './mentions';
import { pageBlocks, type PageBlock } from './page-text';

/** Characters per detect message: large pages go in pieces so the first highlights come early. */
const BATCH_CHARS = 256 * 1024;

const mentions = new PageMentions();
const card = new CardView(mentions, (pm, id) => {
  pm.id = id;
  pm.candidates = undefined;
  card.open(pm);
});
const hover = new HoverController(mentions, card);
let highlightsOn = false;

async function detectBlocks(blocks: PageBlock[]): Promise<void> {
  let from = 0;
  while (from < blocks.length) {
    let to = from;
    let size = 0;
    while (to < blocks.length && (to === from || size + blocks[to]!.text.length <= BATCH_CHARS)) size += blocks[to++]!.text.length;
    const batch = blocks.slice(from, to);
    const result: DetectResult = await send({ type: 'detect', blocks: batch.map((b) => b.text) });
    mentions.add(batch, result.mentions, result.entities);
    from = to;
  }
}

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
    const el = pm.range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return true;
  },
  'page.setHighlights': (m) => setHighlights(m.on),
});
browser.runtime.onMessage.addListener(router as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

async function main(): Promise<void> {
  const settings = await send({ type: 'settings.get' });
  if (settings.disabledSites.includes(location.hostname)) return;
  // Shown before detection: Highlight sets are live, so each batch paints as soon as it lands.
  if (settings.highlightsEnabled) setHighlights(true);
  await detectBlocks(pageBlocks());
}

main().catch((err: unknown) => {
  // The page is not ours to break: a failure here is reported to the console only.
  console.warn('[Dramatis]', err instanceof Error ? err.message : err);
});
