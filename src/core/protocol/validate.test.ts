import { describe, expect, it } from 'vitest';
import type { Note } from '../notes/model';
import type { Request, TabRequest } from './messages';
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
const personal = { id: 'personal-1', name: 'Reba Hansen', type: 'person', aliases: [], description: '', created: 1, updated: 1 };

/** For every request type: one message the boundary accepts and one it refuses, with the reason. */
const REQUESTS: Record<Request['type'], { accept: object; refuse: object; because: string }> = {
  warm: { accept: {}, refuse: { now: true }, because: 'has an unknown field "now"' },
  detect: { accept: { blocks: ['Trotsky'], onPage: ['leon-trotsky'] }, refuse: { blocks: 'Trotsky' }, because: 'blocks must be an array' },
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
  'choices.get': { accept: { url: 'https://example.org/' }, refuse: { url: 3 }, because: 'url must be a string' },
  'choices.set': {
    accept: { url: 'https://example.org/', key: 'hoover', id: 'herbert-hoover' },
    refuse: { url: 'https://example.org/', key: 'hoover' },
    because: 'id must be a string',
  },
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
});
