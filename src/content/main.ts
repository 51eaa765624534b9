/**
 * Content script entry: reads the page's text, asks the background which names it holds, paints
 * the highlights, keeps up with content that arrives later, and answers the popup and the keyboard
 * shortcuts. It changes the page's DOM only for the card host while a card is open (and the
 * fallback marks on browsers without the Highlight API).
 */
import browser from 'webextension-polyfill';
import { yearSpan } from '../core/years';
import type { PageSummary, TabRequest, TabResponses } from '../core/protocol/messages';
import { validateTabRequest } from '../core/protocol/validate';
import { createRouter, send } from '../shared/messaging';
import { Annotator } from './annotator';
import { LazyCard } from './card-loader';
import { NotesLayer } from './notes-layer';
import { uiHost } from './ui-host';
import { HoverController } from './hover';
import { LiveUpdates } from './live';
import { PageMentions, type PageMention } from './mentions';

const mentions = new PageMentions();
const annotator = new Annotator(mentions);

/** Applies a reader's pick to every still-ambiguous mention of the same form on this page. */
function applyChoice(key: string | undefined, id: string, first?: PageMention): void {
  for (const other of mentions.all) {
    if (other === first || (key && other.key === key && !other.id && other.candidates?.includes(id))) {
      other.id = id;
      other.candidates = undefined;
      mentions.highlighter.remove(other.kind, other.range);
      other.kind = mentions.entities.get(id)?.type ?? other.kind;
      mentions.highlighter.add(other.kind, other.range);
    }
  }
}

const card: LazyCard = new LazyCard(mentions, {
  onChoose(pm, id) {
    // The reader's pick applies to every mention of the same form on this page, and is remembered.
    applyChoice(pm.key, id, pm);
    if (pm.key) {
      annotator.choices[pm.key] = id;
      void send({ type: 'choices.set', url: location.href, key: pm.key, id }).catch(() => undefined);
    }
    card.open(pm);
  },
  onShowRelated(id) {
    const target = inDocumentOrder().find((m) => m.id === id);
    if (target) openByKeyboard(target);
  },
  pageYears: () => yearSpan(annotator.years),
  onAddNote(entityId) {
    const pm = card.current;
    const name = mentions.entities.get(entityId)?.name ?? entityId;
    const rect = pm?.range.getBoundingClientRect() ?? new DOMRect(window.innerWidth / 2, 80, 0, 0);
    card.close();
    void notes.addEntityNote(entityId, name, rect);
  },
  noteFor: (noteId) => notes.notes.get(noteId),
  onEditNote(note) {
    const rect = card.current?.range.getBoundingClientRect() ?? new DOMRect(window.innerWidth / 2, 80, 0, 0);
    card.close();
    void notes.editNote(note, rect);
  },
});
const notes: NotesLayer = new NotesLayer(mentions, card, (entityId) => card.refresh(entityId), () => void reannotate());
const hover = new HoverController(mentions, card);
const live = new LiveUpdates(mentions, annotator, (node) => node === uiHost() || (uiHost()?.contains(node) ?? false));
let highlightsOn = false;
let cursor = -1;

function summary(): PageSummary {
  const counts = new Map<string, number>();
  let ambiguous = 0;
  for (const pm of mentions.all) {
    if (pm.noteId) continue;
    if (pm.id) counts.set(pm.id, (counts.get(pm.id) ?? 0) + 1);
    else ambiguous++;
  }
  const entities = [...counts].map(([id, count]) => {
    const e = mentions.entities.get(id)!;
    return { id, name: e.name, type: e.type, count, born: e.born, died: e.died };
  });
  entities.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return {
    url: location.href, title: document.title, highlightsOn, entities, ambiguous,
    notes: [...notes.notes.values()].filter((n) => n.kind !== 'entity'),
    orphans: notes.orphans.map((n) => n.id),
  };
}

function setHighlights(on: boolean): boolean {
  highlightsOn = on;
  if (on && !annotated) void annotatePage();
  if (on) {
    mentions.highlighter.show();
    hover.start();
  } else {
    mentions.highlighter.hide();
    hover.stop();
  }
  return on;
}

/** Mentions in reading order; sorted on demand (a keypress), O(n log n). */
function inDocumentOrder(): PageMention[] {
  return mentions.all.filter((m) => !m.noteId).sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
}

function openByKeyboard(pm: PageMention): void {
  pm.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  card.open(pm, { focus: true });
}

function step(direction: 'next' | 'previous'): string | null {
  const ordered = inDocumentOrder();
  if (ordered.length === 0) return null;
  const current = card.current ? ordered.indexOf(card.current) : cursor;
  cursor = direction === 'next' ? (current + 1) % ordered.length : (current - 1 + ordered.length) % ordered.length;
  const pm = ordered[cursor]!;
  if (!highlightsOn) setHighlights(true);
  openByKeyboard(pm);
  return pm.range.toString();
}

const router = createRouter<TabRequest, TabResponses>(validateTabRequest, {
  'page.summary': () => summary(),
  'page.scrollTo': (m) => {
    const pm = inDocumentOrder().find((x) => x.id === m.id);
    if (!pm) return false;
    pm.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return true;
  },
  'page.setHighlights': (m) => setHighlights(m.on),
  'page.step': (m) => step(m.direction),
  'page.notesChanged': async () => {
    mentions.all.filter((m) => m.noteId).forEach((m) => mentions.removePassage(m.noteId!));
    notes.notes.clear();
    await notes.load();
    return true;
  },
});

/** After the reader tracks a new name: detect the whole page again with it. */
async function reannotate(): Promise<void> {
  mentions.removeWithin(document.body ?? document.documentElement);
  await annotator.annotate(document.body ?? document.documentElement);
  await notes.load();
}
browser.runtime.onMessage.addListener(router as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

/** Resolves at DOMContentLoaded (at once if the document is already parsed). */
function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

let annotated = false;

/** Detects the whole page and loads its notes; once per page (live updates take it from there). */
async function annotatePage(): Promise<void> {
  if (annotated) return;
  annotated = true;
  live.start();
  await annotator.annotate(document.body ?? document.documentElement);
  notes.start();
  await notes.load();
}

async function main(): Promise<void> {
  // We run at document_start: wake the background now, so its index loads while the page parses.
  void send({ type: 'warm' }).catch(() => undefined);
  const settingsReply = send({ type: 'settings.get' });
  const choicesReply = send({ type: 'choices.get', url: location.href }).catch(() => ({}) as Record<string, string>);
  await domReady();
  // Reading the page does not wait for the settings (the background answers them while it loads
  // its index); nothing is shown until they say this site is on.
  const settings = await Promise.race([settingsReply, new Promise<undefined>((r) => setTimeout(r, 0))]);
  if (settings?.disabledSites.includes(location.hostname)) return;
  if (settings?.highlightsEnabled) setHighlights(true);
  else if (!settings) {
    void settingsReply.then((s) => {
      if (s.disabledSites.includes(location.hostname)) {
        setHighlights(false);
        live.stop();
      } else if (s.highlightsEnabled) setHighlights(true);
    });
  }
  void choicesReply.then((choices) => {
    Object.assign(annotator.choices, choices);
    for (const [key, id] of Object.entries(choices)) applyChoice(key, id);
  });
  // A very large page spends its first frames on its own layout: read it after that first paint,
  // so our work never adds to the page's longest task. (Counting elements is one native call.)
  if (document.getElementsByTagName('*').length > BIG_PAGE_ELEMENTS) {
    mentions.highlighter.bigPage = true;
    await afterFirstPaint();
  }
  await annotatePage();
}

const BIG_PAGE_ELEMENTS = 8000;

function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

main().catch((err: unknown) => {
  // The page is not ours to break: a failure here is reported to the console only.
  console.warn('[Dramatis]', err instanceof Error ? err.message : err);
});
