/** The least-privilege table: every request classified, senders told apart, a page kept to its own notes. */
import { describe, expect, it } from 'vitest';
import type { Note } from '../notes/model';
import { ACCESS, classifySender, originOf, pageScopeProblem } from './access';
import { InFlightBudget } from './budget';
import { REQUEST_TYPES } from './validate';

const EXT = originOf('chrome-extension://abcdefghijklmnop/');
const page = 'https://blog.example/post?id=3';
const noteOn = (url: string): Note => ({ id: 'n', kind: 'page', text: 't', tags: [], created: 1, updated: 1, page: { url, title: 'T' } });

describe('who may send each request', () => {
  it('classifies every request type the validator accepts, and nothing else', () => {
    expect(Object.keys(ACCESS).sort()).toEqual([...REQUEST_TYPES].sort());
  });

  it('keeps whatever reads or changes the whole notebook, imports and settings to extension pages', () => {
    for (const type of [
      'notes.query',
      'personal.list',
      'personal.delete',
      'backup.data',
      'backup.import',
      'settings.set',
      'storage.status',
    ] as const)
      expect(ACCESS[type], type).toBe('extension');
    for (const type of ['notes.save', 'notes.delete', 'notes.forPage', 'packs.notesForPage', 'corrections.save', 'personal.save'] as const)
      expect(ACCESS[type], type).toBe('page');
  });

  it('tells extension pages (and extension-origin frames inside tabs) from content scripts by the sender URL', () => {
    expect(classifySender({ url: `${EXT}/notebook.html` }, EXT)).toEqual({ kind: 'extension' });
    expect(classifySender({ url: `${EXT}/editor.html#x`, tab: { id: 4 } }, EXT)).toEqual({ kind: 'extension' });
    expect(classifySender({ url: 'moz-extension://uuid-1/popup.html' }, 'moz-extension://uuid-1')).toEqual({ kind: 'extension' });
    expect(classifySender({ url: page, tab: { id: 4 } }, EXT)).toEqual({ kind: 'content', pageUrl: page, tabId: 4 });
    // Another extension's origin, or a page whose path names ours, is not ours.
    expect(classifySender({ url: 'chrome-extension://other/notebook.html', tab: { id: 1 } }, EXT).kind).toBe('content');
    expect(classifySender({ url: `https://evil.example/${EXT}/x` }, EXT).kind).toBe('content');
    expect(classifySender({ url: `${EXT}.evil.example/` }, EXT).kind).toBe('content');
    expect(classifySender({}, EXT)).toEqual({ kind: 'unknown' });
  });

  it('lets a content script ask only about its own page (fragment aside)', () => {
    expect(pageScopeProblem({ type: 'notes.forPage', url: `${page}#part-2` }, page)).toBeNull();
    expect(pageScopeProblem({ type: 'notes.forPage', url: 'https://bank.example/' }, page)).toMatch(/its own address/);
    // A pack's passage notes name pages the reader may not have open: a page gets only its own.
    expect(pageScopeProblem({ type: 'packs.notesForPage', url: `${page}#part-2` }, page)).toBeNull();
    expect(pageScopeProblem({ type: 'packs.notesForPage', url: 'https://bank.example/' }, page)).toMatch(/its own address/);
    const correction = (scope: 'page' | 'site' | 'everywhere', where: string) => ({
      id: `${scope} ${where} hoover`,
      key: 'hoover',
      surface: 'Hoover',
      scope,
      where,
      entityId: null,
      created: 1,
      updated: 1,
    });
    expect(pageScopeProblem({ type: 'corrections.save', correction: correction('page', 'https://other.example/') }, page)).toMatch(
      /own address/,
    );
    expect(pageScopeProblem({ type: 'corrections.save', correction: correction('page', page) }, page)).toBeNull();
    expect(pageScopeProblem({ type: 'corrections.save', correction: correction('site', 'bank.example') }, page)).toMatch(/own site/);
    expect(pageScopeProblem({ type: 'corrections.save', correction: correction('site', new URL(page).hostname) }, page)).toBeNull();
    expect(pageScopeProblem({ type: 'corrections.save', correction: correction('everywhere', '') }, page)).toBeNull();
    expect(pageScopeProblem({ type: 'notes.save', note: noteOn(page) }, page)).toBeNull();
    expect(pageScopeProblem({ type: 'notes.save', note: noteOn('https://other.example/') }, page)).toMatch(/own notes/);
    const entityNote: Note = { id: 'e', kind: 'entity', text: 't', tags: [], created: 1, updated: 1, entityId: 'x', entityName: 'X' };
    expect(pageScopeProblem({ type: 'notes.save', note: entityNote }, page)).toBeNull();
    expect(
      pageScopeProblem({ type: 'notes.save', note: { ...entityNote, page: { url: 'https://other.example/', title: '' } } }, page),
    ).toMatch(/own notes/);
  });
});

describe('the per-tab budget for costly requests', () => {
  it('refuses calls over the count or the size in flight, and frees room as they finish', () => {
    const budget = new InFlightBudget(2, 100);
    expect(budget.take('tab 1', 60)).toBe(true);
    expect(budget.take('tab 1', 60)).toBe(false); // 120 characters in flight is over 100
    expect(budget.take('tab 2', 60)).toBe(true); // another tab has its own budget
    expect(budget.take('tab 1', 40)).toBe(true);
    expect(budget.take('tab 1', 1)).toBe(false); // two calls in flight already
    budget.release('tab 1', 60);
    expect(budget.take('tab 1', 10)).toBe(true);
    expect(budget.take('tab 3', 101)).toBe(false); // one call bigger than the whole budget
  });

  it('runs work inside the budget and releases it even when the work fails', async () => {
    const budget = new InFlightBudget(1, 10);
    await expect(
      budget.run(
        't',
        5,
        () => Promise.reject(new Error('boom')),
        () => new Error('busy'),
      ),
    ).rejects.toThrow('boom');
    await expect(
      budget.run(
        't',
        5,
        () => Promise.resolve('done'),
        () => new Error('busy'),
      ),
    ).resolves.toBe('done');
    let release!: () => void;
    const held = budget.run(
      't',
      5,
      () => new Promise<void>((r) => (release = r)),
      () => new Error('busy'),
    );
    await expect(
      budget.run(
        't',
        1,
        () => Promise.resolve(),
        () => new Error('busy'),
      ),
    ).rejects.toThrow('busy');
    release();
    await held;
  });
});
