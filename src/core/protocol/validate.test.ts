import { describe, expect, it } from 'vitest';
import { makeCorrection } from '../corrections';
import type { Note } from '../notes/model';
import { DEFAULT_SETTINGS, type Request, type TabRequest } from './messages';
import { REQUEST_TYPES, TAB_REQUEST_TYPES, validateRequest, validateTabRequest } from './validate';

const note: Note = {
  id: 'n1',
  kind: 'page',
  text: 'A note.',
  tags: [],
  created: 1,
  updated: 1,
  page: { url: 'https://example.org/', title: 'Example' },
};
const correction = makeCorrection({
  key: 'hoover',
  surface: 'Hoover',
  scope: 'everywhere',
  url: 'https://example.org/',
  entityId: 'herbert-hoover',
  now: 1,
});
const personal = { id: 'personal-1', name: 'Reba Hansen', type: 'person', aliases: [], description: '', created: 1, updated: 1 };

/** For every request type: one message the boundary accepts and one it refuses, with the reason. */
const REQUESTS: Record<Request['type'], { accept: object; refuse: object; because: string }> = {
  warm: { accept: {}, refuse: { now: true }, because: 'has an unknown field "now"' },
  detect: {
    accept: { blocks: ['Trotsky'], onPage: ['leon-trotsky'], url: 'https://example.org/' },
    refuse: { blocks: 'Trotsky' },
    because: 'blocks must be an array',
  },
  'entities.get': {
    accept: { ids: ['leon-trotsky'] },
    refuse: { ids: [7] },
    because: 'ids [0] must be a string of at most 200 characters',
  },
  'card.details': { accept: { id: 'leon-trotsky', onPage: [] }, refuse: { id: 'leon-trotsky' }, because: 'onPage must be an array' },
  'settings.get': { accept: {}, refuse: { extra: 1 }, because: 'has an unknown field "extra"' },
  'settings.set': {
    accept: { patch: { highlightsEnabled: false } },
    refuse: { patch: { highlightsEnabled: 'yes' } },
    because: 'patch highlightsEnabled must be true or false',
  },
  'notes.save': { accept: { note }, refuse: { note: { ...note, kind: 'poem' } }, because: 'note is not valid:' },
  'notes.delete': { accept: { id: 'n1' }, refuse: { id: 'x'.repeat(201) }, because: 'id must be a string of at most 200 characters' },
  'notes.forPage': { accept: { url: 'https://example.org/' }, refuse: {}, because: 'url must be a string' },
  'packs.notesForPage': { accept: { url: 'https://example.org/' }, refuse: { url: 7 }, because: 'url must be a string' },
  'notes.forEntity': { accept: { entityId: 'leon-trotsky' }, refuse: { entityId: null }, because: 'entityId must be a string' },
  'notes.query': {
    accept: { query: { text: 'Reiss', limit: 50 } },
    refuse: { query: { limit: 501 } },
    because: 'query limit must be a number from 1 to 500',
  },
  'personal.list': { accept: {}, refuse: { all: true }, because: 'has an unknown field "all"' },
  'personal.save': { accept: { entity: personal }, refuse: { entity: { ...personal, name: '' } }, because: 'entity is not valid:' },
  'personal.delete': { accept: { id: 'personal-1' }, refuse: { id: 1 }, because: 'id must be a string' },
  'storage.status': { accept: {}, refuse: { detail: 1 }, because: 'has an unknown field "detail"' },
  'backup.data': { accept: {}, refuse: { since: 0 }, because: 'has an unknown field "since"' },
  'backup.import': { accept: { text: '{}' }, refuse: { text: {} }, because: 'text must be a string' },
  'names.search': {
    accept: { query: 'Hoover', limit: 0 },
    refuse: { query: 'x'.repeat(201) },
    because: 'query must be a string of at most 200',
  },
  'backup.page': {
    accept: { store: 'notes', after: 'n1' },
    refuse: { store: 'settings' },
    because: 'store must be notes, personal, corrections or packs',
  },
  'backup.import.begin': { accept: { chars: 1000 }, refuse: { chars: 2 ** 31 }, because: 'chars must be a number from 0 to 1073741824' },
  'backup.import.part': {
    accept: { upload: 'u1', index: 0, text: '{' },
    refuse: { upload: 'u1', index: 0, text: 'x'.repeat(8 * 1024 * 1024 + 1) },
    because: 'text must be a string of at most 8388608 characters',
  },
  'backup.import.commit': { accept: { upload: 'u1', parts: 3 }, refuse: { upload: 'u1', parts: -1 }, because: 'parts must be a number' },
  'safety.copy': { accept: { index: 0 }, refuse: { index: Infinity }, because: 'index must be a number' },
  'safety.resume': { accept: {}, refuse: { force: true }, because: 'has an unknown field "force"' },
  'sync.status': { accept: {}, refuse: { all: 1 }, because: 'has an unknown field "all"' },
  'sync.test': {
    accept: { account: { url: 'https://dav.example/', user: 'u', password: 'p' } },
    refuse: { account: { url: 'https://dav.example/', user: 'u' } },
    because: 'account password must be a string',
  },
  'sync.enable': {
    accept: { account: { url: 'https://dav.example/', user: 'u', password: 'p' }, passphrase: 'long enough', deviceName: 'Laptop' },
    refuse: { account: { url: 'https://dav.example/', user: 'u', password: 'p' }, passphrase: 'short', deviceName: 'Laptop' },
    because: 'passphrase must be a string of 8 to 1,000 characters',
  },
  'sync.now': { accept: {}, refuse: { force: true }, because: 'has an unknown field "force"' },
  'sync.disable': { accept: {}, refuse: { wipe: true }, because: 'has an unknown field "wipe"' },
  'sync.removeServerData': { accept: {}, refuse: { now: 1 }, because: 'has an unknown field "now"' },
  'corrections.list': { accept: {}, refuse: { scope: 'page' }, because: 'has an unknown field "scope"' },
  'corrections.save': {
    accept: { correction },
    refuse: { correction: { ...correction, scope: 'galaxy' } },
    because: 'correction is not valid: its scope must be page, site or everywhere',
  },
  'corrections.delete': { accept: { id: correction.id }, refuse: { id: null }, because: 'id must be a string' },
  'data.summary': { accept: {}, refuse: { store: 'notes' }, because: 'has an unknown field "store"' },
  'data.deleteAll': { accept: {}, refuse: { keep: ['notes'] }, because: 'has an unknown field "keep"' },
  'packs.list': { accept: {}, refuse: { enabled: true }, because: 'has an unknown field "enabled"' },
  'packs.import': {
    accept: { fileName: 'week.csv', text: 'name,type' },
    refuse: { text: 'name,type' },
    because: 'fileName must be a string',
  },
  'packs.setEnabled': {
    accept: { id: 'pack-1', enabled: false },
    refuse: { id: 'pack-1', enabled: 'no' },
    because: 'enabled must be true or false',
  },
  'packs.remove': { accept: { id: 'pack-1' }, refuse: { id: ['pack-1'] }, because: 'id must be a string' },
  'packs.export': { accept: { title: 'My names' }, refuse: { id: 7 }, because: 'id must be a string' },
};

const TAB_REQUESTS: Record<TabRequest['type'], { accept: object; refuse: object; because: string }> = {
  'page.summary': { accept: {}, refuse: { full: true }, because: 'has an unknown field "full"' },
  'page.scrollTo': { accept: { id: 'leon-trotsky' }, refuse: {}, because: 'id must be a string' },
  'page.setHighlights': { accept: { on: true }, refuse: { on: 'on' }, because: 'on must be true or false' },
  'page.step': { accept: { direction: 'next' }, refuse: { direction: 'up' }, because: 'direction must be one of next, previous' },
  'page.notesChanged': { accept: {}, refuse: { id: 'n1' }, because: 'has an unknown field "id"' },
  'page.setSiteEnabled': { accept: { on: false }, refuse: { on: 0 }, because: 'on must be true or false' },
  'page.correctionsChanged': { accept: {}, refuse: { id: 'x' }, because: 'has an unknown field "id"' },
  'page.packsChanged': { accept: {}, refuse: { id: 'x' }, because: 'has an unknown field "id"' },
  'page.settings': {
    accept: { settings: { ...DEFAULT_SETTINGS, density: 'page' } },
    refuse: { settings: { ...DEFAULT_SETTINGS, density: 'some' } },
    because: 'settings density must be one of every, block, page, modifier',
  },
};

describe('message validation at the boundary', () => {
  it('has an accepted and a refused example for every request type', () => {
    expect(Object.keys(REQUESTS).sort()).toEqual([...REQUEST_TYPES].sort());
    expect(Object.keys(TAB_REQUESTS).sort()).toEqual([...TAB_REQUEST_TYPES].sort());
  });
  for (const [type, ex] of Object.entries(REQUESTS)) {
    it(`${type}: accepts a well-formed message and names what is wrong with a bad one`, () => {
      expect(validateRequest({ type, ...ex.accept })).toEqual({ ok: true, message: { type, ...ex.accept } });
      const refused = validateRequest({ type, ...ex.refuse });
      expect(refused.ok).toBe(false);
      expect(refused.ok ? '' : refused.error).toContain(`${type}: ${ex.because}`);
    });
  }
  for (const [type, ex] of Object.entries(TAB_REQUESTS)) {
    it(`${type}: accepts a well-formed tab message and names what is wrong with a bad one`, () => {
      expect(validateTabRequest({ type, ...ex.accept })).toEqual({ ok: true, message: { type, ...ex.accept } });
      const refused = validateTabRequest({ type, ...ex.refuse });
      expect(refused.ok ? '' : refused.error).toContain(`${type}: ${ex.because}`);
    });
  }
  it('names what is wrong with the envelope', () => {
    expect(validateRequest(null)).toEqual({ ok: false, error: 'message must be an object with a string "type"' });
    expect(validateRequest({ type: 'drop.tables' })).toEqual({ ok: false, error: 'unknown message type "drop.tables"' });
    expect(validateTabRequest({ type: 'detect', blocks: [] })).toEqual({ ok: false, error: 'unknown message type "detect"' });
  });
  it('refuses prototype tricks and oversized input', () => {
    expect(validateRequest({ type: 'toString' }).ok).toBe(false);
    expect(validateRequest({ type: '__proto__' }).ok).toBe(false);
    expect(validateRequest({ type: 'detect', blocks: [1] })).toEqual({
      ok: false,
      error: 'detect: blocks [0] must be a string of at most 8388608 characters',
    });
    const huge = 'x'.repeat(5 * 1024 * 1024);
    expect(validateRequest({ type: 'detect', blocks: [huge, huge] })).toEqual({
      ok: false,
      error: 'detect: blocks must hold at most 8388608 characters in all',
    });
  });

  it('refuses prototype keys anywhere in a message, even where a field of that name would be known', () => {
    const viaJson = (text: string) => validateRequest(JSON.parse(text));
    expect(viaJson('{"type":"settings.get","__proto__":{"polluted":1}}')).toMatchObject({ ok: false });
    expect(viaJson('{"type":"settings.get","constructor":{"prototype":{}}}')).toMatchObject({ ok: false });
    const nested = JSON.parse(JSON.stringify({ type: 'notes.save', note }));
    nested.note.page = JSON.parse('{"url":"https://example.org/","title":"E","__proto__":{"x":1}}');
    expect(validateRequest(nested)).toEqual({ ok: false, error: 'notes.save: has a forbidden field "__proto__"' });
    expect(viaJson('{"type":"notes.query","query":{"prototype":1}}')).toEqual({
      ok: false,
      error: 'notes.query: has a forbidden field "prototype"',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses unknown fields of a note, so they are never stored', () => {
    const junk = validateRequest({ type: 'notes.save', note: { ...note, junk: 'x'.repeat(5_000_000) } });
    expect(junk).toEqual({ ok: false, error: 'notes.save: note is not valid: the note has an unknown field "junk"' });
    const deep = validateRequest({ type: 'notes.save', note: { ...note, page: { ...note.page, extra: 1 } } });
    expect(deep).toEqual({ ok: false, error: 'notes.save: note is not valid: page has an unknown field "extra"' });
  });

  it('refuses times that are not finite or out of range, in notes and tracked names', () => {
    for (const t of [Infinity, -1, NaN, Number('1e400'), 1e15])
      expect(validateRequest({ type: 'notes.save', note: { ...note, updated: t } }).ok, String(t)).toBe(false);
    for (const t of [Infinity, Number('1e400'), -5, '1'])
      expect(validateRequest({ type: 'personal.save', entity: { ...personal, created: t } }).ok, String(t)).toBe(false);
    expect(validateRequest({ type: 'personal.save', entity: { ...personal, secret: 1 } })).toMatchObject({ ok: false });
  });

  it('bounds lists: sites switched off, aliases of a tracked name', () => {
    const sites = Array.from({ length: 2_001 }, (_, i) => `s${i}.example`);
    expect(validateRequest({ type: 'settings.set', patch: { disabledSites: sites } })).toEqual({
      ok: false,
      error: expect.stringContaining('disabledSites must be a list of at most 2000 site names'),
    });
    const aliases = Array.from({ length: 51 }, (_, i) => `alias ${i}`);
    expect(validateRequest({ type: 'personal.save', entity: { ...personal, aliases } })).toMatchObject({ ok: false });
  });
});
