// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { anchorPassage, describePassage } from '../core/notes/anchor';
import type { Note } from '../core/notes/model';
import type { PackPassageNote } from '../core/packs/passages';
import { NotesLayer } from './notes-layer';
import { PageTextMap } from './page-text-map';
import { NotedPassages } from './passages';
import type { LazyUi } from './ui-loader';

/** What the background answers, per request type; a function may throw to stand for a failed request. */
const answers: { notes: () => Note[]; packs: () => PackPassageNote[] } = { notes: () => [], packs: () => [] };
vi.mock('../shared/messaging', () => ({
  send: vi.fn(async (m: { type: string }) => (m.type === 'notes.forPage' ? answers.notes() : answers.packs())),
}));

const HTML = '<p>Prokop the Great carried the war abroad; after the Battle of Domažlice the Council of Basel opened talks.</p>';

function targetOf(quote: string) {
  const text = PageTextMap.build().text;
  const at = text.indexOf(quote);
  return describePassage(text, at, at + quote.length);
}
const readerNote = (quote: string): Note => ({
  id: 'mine-1',
  kind: 'passage',
  text: 'My own note.',
  tags: [],
  created: 1,
  updated: 1,
  page: { url: location.href, title: '' },
  target: targetOf(quote),
});
const packNote = (id: string, quote: string): PackPassageNote => ({
  id,
  packId: 'pack-1',
  packTitle: 'Week 3',
  text: 'From the course.',
  target: {
    quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 0 },
  },
});
/** The passage at the first letter of `word` in the page's one text node. */
const passageAt = (passages: NotedPassages, word: string) => {
  const node = document.querySelector('p')!.firstChild!;
  return passages.at(node, node.textContent!.indexOf(word));
};

let passages: NotedPassages;
let layer: NotesLayer;
beforeEach(() => {
  document.body.innerHTML = HTML; // test fixture markup only
  passages = new NotedPassages();
  layer = new NotesLayer(
    passages,
    // What ui.js gives the layer to find passages (the real functions; the module itself is a browser import).
    { preload: async () => ({ anchorPassage, describePassage }) } as unknown as LazyUi,
    () => undefined,
    () => undefined,
  );
});
afterEach(() => {
  passages.clear();
  answers.notes = () => [];
  answers.packs = () => [];
  vi.restoreAllMocks();
});

describe("a pack's notes on this page's passages", () => {
  it('are placed apart from the reader’s notes: marked as the pack’s, never among the reader’s notes or orphans', async () => {
    answers.notes = () => [readerNote('the Council of Basel')];
    answers.packs = () => [packNote('pack-1#0', 'carried the war abroad'), packNote('pack-1#1', 'a passage this page does not have')];
    await layer.load();
    expect([...layer.notes.keys()]).toEqual(['mine-1']);
    expect([...layer.packNotes.keys()]).toEqual(['pack-1#0']);
    expect(layer.orphans).toEqual([]);
    expect(passageAt(passages, 'abroad')).toMatchObject({ noteId: 'pack-1#0', fromPack: true });
    expect(passageAt(passages, 'abroad')!.range.toString()).toBe('carried the war abroad');
    expect(passageAt(passages, 'Basel')).toMatchObject({ noteId: 'mine-1' });
    expect(passageAt(passages, 'Basel')!.fromPack).toBeUndefined();
  });

  it('go from the page when the pack is turned off (the next load has none), the reader’s staying', async () => {
    answers.notes = () => [readerNote('the Council of Basel')];
    answers.packs = () => [packNote('pack-1#0', 'carried the war abroad')];
    await layer.load();
    answers.packs = () => [];
    await layer.load();
    expect(layer.packNotes.size).toBe(0);
    expect(passageAt(passages, 'abroad')).toBeUndefined();
    expect(passageAt(passages, 'Basel')).toMatchObject({ noteId: 'mine-1' });
  });

  it('never keep the reader’s own notes from showing when they cannot be had', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    answers.notes = () => [readerNote('the Council of Basel')];
    answers.packs = () => {
      throw new Error('the background is busy');
    };
    await layer.load();
    expect(passageAt(passages, 'Basel')).toMatchObject({ noteId: 'mine-1' });
    expect(layer.packNotes.size).toBe(0);
    expect(warn).toHaveBeenCalled();
  });
});

describe('anchoring, which loads with ui.js', () => {
  it('is not loaded on a page without passage notes', async () => {
    const preload = vi.fn(async () => ({ anchorPassage, describePassage }));
    const bare = new NotesLayer(
      passages,
      { preload } as unknown as LazyUi,
      () => undefined,
      () => undefined,
    );
    const pageNote: Note = {
      id: 'page-1',
      kind: 'page',
      text: 'On the whole page.',
      tags: [],
      created: 1,
      updated: 1,
      page: { url: location.href, title: '' },
    };
    answers.notes = () => [pageNote];
    await bare.load();
    expect(preload).not.toHaveBeenCalled();
    expect(bare.notes.size).toBe(1);
  });

  it('failing to load shows no passage but makes no note an orphan, and says why', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failing = { preload: () => Promise.reject(new Error('ui.js could not be loaded')) } as unknown as LazyUi;
    const broken = new NotesLayer(
      passages,
      failing,
      () => undefined,
      () => undefined,
    );
    answers.notes = () => [readerNote('the Council of Basel')];
    await broken.load();
    expect([...broken.notes.keys()]).toEqual(['mine-1']);
    expect(broken.orphans).toEqual([]);
    expect(passageAt(passages, 'Basel')).toBeUndefined();
    expect(warn).toHaveBeenCalledWith('[Dramatis]', 'ui.js could not be loaded');
  });
});
