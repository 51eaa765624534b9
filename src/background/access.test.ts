/** The sender check against the store: a content script reaches only its own page's notes; extension pages reach all. */
import { DEFAULT_SETTINGS } from '../core/protocol/messages';
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Note } from '../core/notes/model';
import type { Request } from '../core/protocol/messages';

vi.mock('webextension-polyfill', () => ({
  default: { runtime: { id: 'dramatis-test-id', getURL: (p: string) => `chrome-extension://dramatis-test-id/${p}` } },
}));
const { authorize, settingsFor } = await import('./access');
const { openDatabase, useDatabase } = await import('./db');
const { saveNote } = await import('./notes-store');
const { savePersonal } = await import('./personal-store');

const notebook = { id: 'dramatis-test-id', url: 'chrome-extension://dramatis-test-id/notebook.html' };
const editorFrame = { id: 'dramatis-test-id', url: 'chrome-extension://dramatis-test-id/editor.html', tab: { id: 3 } as never };
const blog = { id: 'dramatis-test-id', url: 'https://blog.example/post#top', tab: { id: 3 } as never };
const note = (id: string, url: string): Note => ({
  id,
  kind: 'page',
  text: id,
  tags: [],
  created: 1,
  updated: 1,
  page: { url, title: 'T' },
});

beforeEach(async () => {
  useDatabase(openDatabase(`access-${Math.random()}`));
  await saveNote(note('mine', 'https://blog.example/post'));
  await saveNote(note('elsewhere', 'https://bank.example/account'));
  await savePersonal({ id: 'personal-1', type: 'person', name: 'Reba Hansen', aliases: [], description: '', created: 1, updated: 1 });
});

const check = (m: Request, sender: object) => authorize(m, sender as never);

describe('authorize', () => {
  it('refuses the whole-notebook messages from a content script, and allows them from extension pages and frames', async () => {
    for (const m of [
      { type: 'backup.data' },
      { type: 'backup.import', text: '{}' },
      { type: 'notes.query', query: {} },
      { type: 'personal.list' },
      { type: 'settings.set', patch: { highlightsEnabled: false } },
    ] as Request[]) {
      expect(await check(m, blog), m.type).toMatch(/not allowed from a web page's content script/);
      expect(await check(m, notebook), m.type).toBeNull();
      expect(await check(m, editorFrame), m.type).toBeNull();
    }
  });

  it("refuses another site's notes: reading, saving over, deleting", async () => {
    expect(await check({ type: 'notes.forPage', url: 'https://blog.example/post' }, blog)).toBeNull();
    expect(await check({ type: 'notes.forPage', url: 'https://bank.example/account' }, blog)).toMatch(/own address/);
    expect(await check({ type: 'packs.notesForPage', url: 'https://blog.example/post' }, blog)).toBeNull();
    expect(await check({ type: 'packs.notesForPage', url: 'https://bank.example/account' }, blog)).toMatch(/own address/);
    expect(await check({ type: 'notes.delete', id: 'mine' }, blog)).toBeNull();
    expect(await check({ type: 'notes.delete', id: 'elsewhere' }, blog)).toMatch(/another page/);
    expect(await check({ type: 'notes.delete', id: 'elsewhere' }, notebook)).toBeNull();
    // Same id, now claiming to be on this page: still another page's note in the store.
    expect(await check({ type: 'notes.save', note: note('elsewhere', 'https://blog.example/post') }, blog)).toMatch(/another page/);
    expect(await check({ type: 'notes.save', note: note('new-one', 'https://blog.example/post') }, blog)).toBeNull();
  });

  it('lets a page add a tracked name but not replace one', async () => {
    const entity = { id: 'personal-2', type: 'person', name: 'Elsa', aliases: [], description: '', created: 1, updated: 1 } as const;
    expect(await check({ type: 'personal.save', entity: { ...entity, aliases: [] } }, blog)).toBeNull();
    expect(await check({ type: 'personal.save', entity: { ...entity, id: 'personal-1', aliases: [] } }, blog)).toMatch(/not change one/);
    expect(await check({ type: 'personal.save', entity: { ...entity, id: 'personal-1', aliases: [] } }, notebook)).toBeNull();
  });

  it('tells a content script only whether its own site is switched off, never the list', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      disabledSites: ['bank.example', 'blog.example', 'health.example'],
      enabledSites: ['blog.example'],
    };
    expect(settingsFor(settings, blog as never)).toEqual({ ...settings, disabledSites: ['blog.example'], enabledSites: ['blog.example'] });
    expect(settingsFor(settings, { ...blog, url: 'https://news.example/' } as never)).toEqual({
      ...settings,
      disabledSites: [],
      enabledSites: [],
    });
    expect(settingsFor(settings, notebook as never)).toEqual(settings);
  });
});
