/** The notes store over fake-indexeddb, and the notebook's query. */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, useDatabase } from './db';
import { deleteNote, dropNotesCache, entityNoteSummary, notesForPage, saveNote, searchNotes } from './notes-store';
import { noteProblem, parseTags, type Note } from '../core/notes/model';

const page = { url: 'https://example.com/post#comments', title: 'A post' };
const base = { tags: [], created: 1000, updated: 1000 };

beforeEach(() => {
  useDatabase(openDatabase(`notes-${Math.random()}`));
  dropNotesCache();
});

describe('notes store', () => {
  it('saves, finds by page (fragment ignored) and by entity, and deletes', async () => {
    await saveNote({ ...base, id: 'a', kind: 'page', text: 'About the post', page });
    await saveNote({
      ...base,
      id: 'b',
      kind: 'entity',
      text: 'Defected in 1937',
      entityId: 'walter-krivitsky',
      entityName: 'Walter Krivitsky',
      updated: 2000,
    });
    expect((await notesForPage('https://example.com/post')).map((n) => n.id)).toEqual(['a']);
    expect(await entityNoteSummary('walter-krivitsky')).toEqual({ count: 1, latest: { text: 'Defected in 1937', updated: 2000 } });
    expect((await deleteNote('a'))?.id).toBe('a');
    expect(await notesForPage('https://example.com/post')).toEqual([]);
  });
  it('a retried save of the same note replaces it, never duplicates', async () => {
    const note: Note = { ...base, id: 'same', kind: 'page', text: 'v1', page };
    await saveNote(note);
    await saveNote({ ...note, text: 'v2', updated: 3000 });
    const all = await searchNotes({});
    expect(all.total).toBe(1);
    expect(all.notes[0]!.text).toBe('v2');
  });
  it('keeps a 1 MB note, emoji and right-to-left text intact', async () => {
    const big = 'Ж'.repeat(1_000_000);
    const text = `${big} 🕵️ שלום`;
    await saveNote({ ...base, id: 'big', kind: 'page', text, page });
    dropNotesCache();
    expect((await searchNotes({ text: 'שלום' })).notes[0]!.text).toBe(text);
  });
  it('refuses a malformed note with a clear message', async () => {
    await expect(saveNote({ ...base, id: '', kind: 'page', text: 'x', page } as Note)).rejects.toThrow(/id must be a non-empty string/);
    expect(noteProblem({ ...base, id: 'x', kind: 'page', text: 'x'.repeat(2_000_001), page })).toMatch(/too long/);
  });
});

describe('notebook query', () => {
  it('searches words in text, passage, page title and entity name, and filters by tag, site and entity', async () => {
    await saveNote({
      ...base,
      id: '1',
      kind: 'passage',
      text: 'Key passage',
      tags: ['spies'],
      page,
      target: {
        quote: { type: 'TextQuoteSelector', exact: 'sings like a canary', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 19 },
      },
    });
    await saveNote({
      ...base,
      id: '2',
      kind: 'entity',
      text: 'Born in Galicia',
      entityId: 'walter-krivitsky',
      entityName: 'Walter Krivitsky',
      tags: ['spies', 'defectors'],
    });
    await saveNote({
      ...base,
      id: '3',
      kind: 'page',
      text: 'Léon Blum and the Popular Front',
      page: { url: 'https://other.org/x', title: 'Other' },
    });
    expect((await searchNotes({ text: 'canary' })).notes.map((n) => n.id)).toEqual(['1']);
    expect((await searchNotes({ text: 'krivitsky galicia' })).notes.map((n) => n.id)).toEqual(['2']);
    expect((await searchNotes({ text: 'leon blum' })).notes.map((n) => n.id)).toEqual(['3']);
    expect((await searchNotes({ tag: 'spies' })).total).toBe(2);
    expect((await searchNotes({ site: 'other.org' })).notes.map((n) => n.id)).toEqual(['3']);
    const r = await searchNotes({ entityId: 'walter-krivitsky' });
    expect(r.notes.map((n) => n.id)).toEqual(['2']);
    expect(r.facets.tags.map((t) => [t.value, t.count])).toEqual([
      ['spies', 2],
      ['defectors', 1],
    ]);
  });
  it('parses tags as readers type them', () => {
    expect(parseTags('#Spain, purges  1937 #spain')).toEqual(['spain', 'purges', '1937']);
  });
});
