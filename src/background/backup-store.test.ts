/** Backup and restore against IndexedDB (fake-indexeddb): a lossless round trip, and all-or-nothing imports. */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { backupData, importBackup } from './backup-store';
import { deleteCorrection, dropCorrectionsCache, listCorrections, saveCorrection } from './corrections-store';
import { db, openDatabase, updateSettings, useDatabase } from './db';
import { makeCorrection } from '../core/corrections';
import { dropNotesCache, saveNote } from './notes-store';
import { importPack } from './packs-store';
import { savePersonal } from './personal-store';
import { createBackup, serializeBackup } from '../core/export/backup';
import type { Note } from '../core/notes/model';

// The stores' refusals are read through browser.i18n: the real messages, as a reader sees them.
vi.mock('webextension-polyfill', async () => ({
  default: { runtime: { id: 'test' }, i18n: (await import('../../tools/i18n-in-node')).i18nInNode() },
}));

const page = { url: 'https://example.com/post', title: 'A post' };
const notes: Note[] = [
  { id: 'p1', kind: 'page', text: 'Page note with émoji 🕵️ and עברית', tags: ['x'], created: 1, updated: 2, page },
  {
    id: 'q1',
    kind: 'passage',
    text: 'Passage **note**',
    tags: [],
    created: 3,
    updated: 3,
    page,
    target: {
      quote: { type: 'TextQuoteSelector', exact: 'sings like a canary', prefix: 'Krivitsky ', suffix: ' to HUAC' },
      position: { type: 'TextPositionSelector', start: 10, end: 29 },
    },
  },
  {
    id: 'e1',
    kind: 'entity',
    text: 'Entity note',
    tags: ['spies'],
    created: 4,
    updated: 9,
    entityId: 'walter-krivitsky',
    entityName: 'Walter Krivitsky',
  },
];

async function seed(): Promise<void> {
  for (const n of notes) await saveNote(n);
  await savePersonal({ id: 'personal-a', type: 'person', name: 'Reba Hansen', aliases: ['Reba'], description: '', created: 5, updated: 5 });
  await updateSettings({ highlightsEnabled: false, disabledSites: ['example.org'] });
  await saveCorrection(
    makeCorrection({ key: 'hoover', surface: 'Hoover', scope: 'everywhere', url: page.url, entityId: 'herbert-hoover', now: 6 }),
  );
  await saveCorrection(makeCorrection({ key: 'dies', surface: 'Dies', scope: 'page', url: page.url, entityId: null, now: 7 }));
  const pack = await importPack('week-3.csv', '# title: Week 3\nname,type,note\nJan Hus,person,Read the letters.\n', 7);
  expect(pack.ok).toBe(true);
}

const fresh = () => {
  useDatabase(openDatabase(`backup-${Math.random()}`));
  dropNotesCache();
  dropCorrectionsCache();
};

beforeEach(fresh);

describe('backup and restore', () => {
  it('backup -> wipe -> import gives an identical store', async () => {
    await seed();
    const before = await backupData();
    const text = serializeBackup(createBackup({ ...before, exportedAt: 1_700_000_000_000 }));
    fresh();
    const summary = await importBackup(text);
    expect(summary).toEqual({
      notesAdded: 3,
      notesUpdated: 0,
      notesUnchanged: 0,
      personalAdded: 1,
      personalUpdated: 0,
      correctionsAdded: 2,
      correctionsUpdated: 0,
      packsAdded: 1,
      packsUpdated: 0,
    });
    const after = await backupData();
    const sortById = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(sortById(after.notes)).toEqual(sortById(before.notes));
    expect(after.personal).toEqual(before.personal);
    expect(after.settings).toEqual(before.settings);
    expect(sortById(after.corrections)).toEqual(sortById(before.corrections));
    expect(after.corrections).toHaveLength(2);
    expect(await listCorrections()).toHaveLength(2);
    expect(after.packs).toEqual(before.packs);
    expect(after.packs.map((p) => p.pack.title)).toEqual(['Week 3']);
  });

  it('importing twice adds nothing; a newer edit in the file wins, an older one does not', async () => {
    await seed();
    const data = await backupData();
    const edited = data.notes.map((n) =>
      n.id === 'p1' ? { ...n, text: 'newer', updated: 100 } : n.id === 'e1' ? { ...n, text: 'older', updated: 1 } : n,
    );
    const summary = await importBackup(serializeBackup(createBackup({ ...data, notes: edited, exportedAt: 1 })));
    expect(summary).toMatchObject({ notesAdded: 0, notesUpdated: 1, notesUnchanged: 2 });
    const after = await backupData();
    expect(after.notes.find((n) => n.id === 'p1')!.text).toBe('newer');
    expect(after.notes.find((n) => n.id === 'e1')!.text).toBe('Entity note');
  });

  it('a corrupted, truncated or foreign file changes nothing and says why', async () => {
    await seed();
    const before = await backupData();
    const good = serializeBackup(createBackup({ ...before, exportedAt: 1 }));
    const bad = [
      good.slice(0, good.length / 2),
      '{"format":"something-else","version":1}',
      good.replace('"Passage **note**"', '12'),
      'not json at all',
      // A malformed correction: refused with its place in the list, nothing written.
      good.replace('"scope": "everywhere"', '"scope": "galaxy"'),
    ];
    for (const text of bad) {
      await expect(importBackup(text)).rejects.toThrow(/^Nothing was imported: /);
    }
    expect(await backupData()).toEqual(before);
  });

  it('refuses a backup holding a malformed pack, saying which and why', async () => {
    await seed();
    const before = await backupData();
    const file = JSON.parse(serializeBackup(createBackup({ ...before, exportedAt: 1 }))) as {
      packs: { pack: { entities: { type: string }[] } }[];
    };
    file.packs[0]!.pack.entities[0]!.type = 'preacher';
    await expect(importBackup(JSON.stringify(file))).rejects.toThrow(
      /^Nothing was imported: Reference pack 1 of 1 \(id "pack-[0-9a-f]{8}"\) is damaged: the pack has a problem at entities\[0\]\.type: "preacher" is not a type Dramatis knows/,
    );
    expect(await backupData()).toEqual(before);
  });
});

describe('corrections and the old per-page choices', () => {
  it('moves the old choices into page corrections once, keeping a newer correction for the same form', async () => {
    const conn = await db();
    await conn.put('choices', { hoover: 'herbert-hoover', reiss: 'ignace-reiss' }, 'https://example.com/post');
    await saveCorrection(makeCorrection({ key: 'reiss', surface: 'Reiss', scope: 'page', url: page.url, entityId: null, now: 50 }));
    const all = await listCorrections();
    expect(all.map((c) => [c.scope, c.where, c.key, c.entityId]).sort()).toEqual([
      ['page', 'https://example.com/post', 'hoover', 'herbert-hoover'],
      ['page', 'https://example.com/post', 'reiss', null],
    ]);
    expect(await conn.count('choices')).toBe(0);
    dropCorrectionsCache();
    expect(await listCorrections()).toHaveLength(2);
  });

  it('a malformed correction in a backup is refused with a clear message, and nothing changes', async () => {
    await seed();
    const before = await backupData();
    const good = serializeBackup(createBackup({ ...before, exportedAt: 1 }));
    await expect(importBackup(good.replace('"entityId": null', '"entityId": 42'))).rejects.toThrow(
      /^Nothing was imported: Correction \d of 2 \(id "[^"]+"\) is damaged: its entity must be an id or null/,
    );
    expect(await backupData()).toEqual(before);
  });

  it('a restore brings back a deleted correction (undo through backup)', async () => {
    await seed();
    const before = await backupData();
    const text = serializeBackup(createBackup({ ...before, exportedAt: 1 }));
    const gone = await deleteCorrection(before.corrections[0]!.id);
    expect(gone).toEqual(before.corrections[0]);
    expect(await listCorrections()).toHaveLength(1);
    expect(await importBackup(text)).toMatchObject({ correctionsAdded: 1 });
    expect(await listCorrections()).toHaveLength(2);
  });
});
