/** Each schema upgrade, from a fixture of the previous version's data: nothing is lost. */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_FIXTURES_DIR } from '../../tools/paths';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db';

const v1 = JSON.parse(readFileSync(join(TEST_FIXTURES_DIR, 'db', 'v1.json'), 'utf8')) as {
  settings: Record<string, unknown>;
  choices: Record<string, Record<string, string>>;
};

describe('database migrations', () => {
  it('1 -> 2 keeps settings and choices and adds notes and personal entities', async () => {
    const name = `migrate-${Math.random()}`;
    const old = await openDatabase(name, 1);
    expect([...old.objectStoreNames].sort()).toEqual(['choices', 'settings']);
    for (const [k, v] of Object.entries(v1.settings)) await old.put('settings', v as never, k);
    for (const [k, v] of Object.entries(v1.choices)) await old.put('choices', v, k);
    old.close();

    const db = await openDatabase(name, 2);
    expect([...db.objectStoreNames].sort()).toEqual(['choices', 'notes', 'personal', 'settings']);
    expect(await db.get('settings', 'settings')).toEqual(v1.settings.settings);
    for (const [k, v] of Object.entries(v1.choices)) expect(await db.get('choices', k)).toEqual(v);
    expect([...db.transaction('notes').store.indexNames].sort()).toEqual(['byEntity', 'byPage', 'byUpdated']);
    db.close();
  });

  it('2 -> 3 keeps notes and adds corrections, packs and sync state', async () => {
    const name = `migrate-${Math.random()}`;
    const old = await openDatabase(name, 2);
    const note = {
      id: 'n1',
      kind: 'page',
      text: 'kept',
      tags: [],
      created: 1,
      updated: 1,
      page: { url: 'https://a.example/', title: 'A' },
    };
    await old.put('notes', { ...note, pageKey: 'https://a.example/', entityKey: '' } as never);
    old.close();

    const db = await openDatabase(name, 3);
    expect([...db.objectStoreNames].sort()).toEqual(['choices', 'corrections', 'notes', 'packs', 'personal', 'settings', 'sync']);
    expect(await db.get('notes', 'n1')).toMatchObject({ text: 'kept' });
    db.close();
  });

  it('a fresh install creates the latest schema directly', async () => {
    const db = await openDatabase(`fresh-${Math.random()}`);
    expect(db.version).toBe(3);
    expect([...db.objectStoreNames].sort()).toEqual(['choices', 'corrections', 'notes', 'packs', 'personal', 'settings', 'sync']);
    db.close();
  });
});
