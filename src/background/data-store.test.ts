/** "Your data": counts per store, "delete everything" in one transaction, and settings that survive an update and a restore. */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { backupData, importBackup } from './backup-store';
import { dataSummary, deleteEverything } from './data-store';
import { db, getSettings, openDatabase, updateSettings, useDatabase } from './db';
import { dropNotesCache, saveNote } from './notes-store';
import { savePersonal } from './personal-store';
import { createBackup, serializeBackup } from '../core/export/backup';
import { DEFAULT_SETTINGS } from '../core/protocol/messages';

const fresh = () => {
  useDatabase(openDatabase(`data-${Math.random()}`));
  dropNotesCache();
};
beforeEach(fresh);

async function seed(): Promise<void> {
  const page = { url: 'https://example.com/post', title: 'A post' };
  await saveNote({ id: 'p1', kind: 'page', text: 'one', tags: [], created: 1, updated: 1, page });
  await saveNote({ id: 'p2', kind: 'page', text: 'two', tags: [], created: 2, updated: 2, page });
  await savePersonal({ id: 'personal-a', type: 'person', name: 'Reba Hansen', aliases: [], description: '', created: 5, updated: 5 });
  await (await db()).put('corrections', { id: 'c1', scope: 'everywhere' } as never);
  await updateSettings({ density: 'page', disabledSites: ['example.org'] });
  // A pick stored by an older version, not yet moved into the corrections.
  await (await db()).put('choices', { hoover: 'herbert-hoover' }, 'https://example.com/post');
}

describe('your data', () => {
  it('counts what the reader keeps, then deletes all of it and says what went', async () => {
    await seed();
    const counts = { notes: 2, personal: 1, corrections: 1, packs: 0, choices: 1 };
    expect(await dataSummary()).toEqual(counts);
    expect(await deleteEverything()).toEqual(counts);
    expect(await dataSummary()).toEqual({ notes: 0, personal: 0, corrections: 0, packs: 0, choices: 0 });
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('settings across an update and a restore', () => {
  it('settings stored by the previous version read with the new fields at their defaults', async () => {
    await (await db()).put('settings', { highlightsEnabled: false, disabledSites: ['old.example'] } as never, 'settings');
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, highlightsEnabled: false, disabledSites: ['old.example'] });
    // A patch keeps what it does not name.
    expect(await updateSettings({ markStyle: 'dotted' })).toEqual({
      ...DEFAULT_SETTINGS,
      highlightsEnabled: false,
      disabledSites: ['old.example'],
      markStyle: 'dotted',
    });
  });

  it('are part of the backup and come back on restore; site lists merge', async () => {
    await updateSettings({
      density: 'block',
      cardTrigger: 'long',
      kinds: { ...DEFAULT_SETTINGS.kinds, work: false },
      enabledSites: ['a.example'],
    });
    const text = serializeBackup(createBackup({ ...(await backupData()), exportedAt: 1 }));
    fresh();
    await updateSettings({ enabledSites: ['b.example'] });
    await importBackup(text);
    const restored = await getSettings();
    expect(restored.density).toBe('block');
    expect(restored.cardTrigger).toBe('long');
    expect(restored.kinds.work).toBe(false);
    expect(restored.enabledSites).toEqual(['a.example', 'b.example']);
  });
});
