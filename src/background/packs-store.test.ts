/** Reference packs in IndexedDB (fake-indexeddb): all-or-nothing imports, updates by title, the reader's pack round trip. */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardEntity } from '../core/index/format';
import { parseCsvPack, serializeCsvPack } from '../core/packs/csv';
import { packEntityIds } from '../core/packs/format';
import { parseJsonPack, serializeJsonPack } from '../core/packs/json';
import { openDatabase, useDatabase } from './db';
import { dropNotesCache, notesForEntity, saveNote } from './notes-store';
import { exportPack, importPack, listPacks, removePack, setPackEnabled, storedPacks } from './packs-store';
import { savePersonal } from './personal-store';

// The stores' refusals are read through browser.i18n: the real messages, as a reader sees them.
vi.mock('webextension-polyfill', async () => ({
  default: { runtime: { id: 'test' }, i18n: (await import('../../tools/i18n-in-node')).i18nInNode() },
}));

beforeEach(() => {
  useDatabase(openDatabase(`packs-${Math.random()}`));
  dropNotesCache();
});

const WEEK_3 = '# title: Week 3\nname,type,description\nJan Hus,person,Preacher.\nJerome of Prague,person,His friend.\n';
const noEntities = async (): Promise<CardEntity[]> => [];

describe('packs in the database', () => {
  it('imports a good file, and a bad one changes nothing and lists every problem', async () => {
    const first = await importPack('week-3.csv', WEEK_3, 10);
    expect(first).toMatchObject({ ok: true, replaced: false, pack: { title: 'Week 3', entities: 2, enabled: true } });
    const before = await storedPacks();
    const bad = await importPack('week-3.csv', '# title: Week 3\nname,type\nJan Hus,preacher\n,person\n', 20);
    expect(bad).toEqual({
      ok: false,
      problems: [
        'row 3, column B (type): "preacher" is not a type Dramatis knows: use one of person, organization, place, event, work.',
        'row 4, column A (name): Every entity needs a name: the name readers see on pages (Jan Hus).',
      ],
      warnings: [],
    });
    expect(await storedPacks()).toEqual(before);
  });

  it("a newer file with the same title replaces the old, keeping its switch and the reader's notes on its entities", async () => {
    await importPack('week-3.csv', WEEK_3, 10);
    const [item] = await listPacks();
    await setPackEnabled(item!.id, false);
    const stored = (await storedPacks())[0]!;
    const husId = packEntityIds(stored.pack)[0]!;
    await saveNote({
      id: 'n1',
      kind: 'entity',
      entityId: husId,
      entityName: 'Jan Hus',
      text: 'My own note',
      tags: [],
      created: 1,
      updated: 1,
    });
    const newer = await importPack(
      'other-name.csv',
      `${WEEK_3}Jan Žižka,person,Commander.\n`.replace('Preacher.', 'Preacher and rector.'),
      30,
    );
    expect(newer).toMatchObject({ ok: true, replaced: true, pack: { entities: 3, enabled: false, imported: 10, updated: 30 } });
    const after = (await storedPacks())[0]!;
    expect(after.pack.entities[0]!.description).toBe('Preacher and rector.');
    expect(packEntityIds(after.pack)[0]).toBe(husId);
    expect((await notesForEntity(husId)).map((n) => n.text)).toEqual(['My own note']);
  });

  it('removes a pack', async () => {
    await importPack('week-3.csv', WEEK_3);
    const [item] = await listPacks();
    expect(await removePack(item!.id)).toBe(true);
    expect(await listPacks()).toEqual([]);
    expect(await removePack(item!.id)).toBe(false);
  });

  it('exports a stored pack as it was imported', async () => {
    await importPack('week-3.csv', WEEK_3);
    const [item] = await listPacks();
    const pack = await exportPack(item!.id, undefined, noEntities);
    expect(parseCsvPack(serializeCsvPack(pack), 'x.csv')).toMatchObject({ ok: true, pack });
  });
});

describe("the reader's names and notes as a pack", () => {
  it('export then import gives the same pack back, in JSON and in CSV', async () => {
    await savePersonal({
      id: 'personal-1',
      type: 'person',
      name: 'Reba Hansen',
      aliases: ['Reba'],
      description: 'A courier.',
      created: 1,
      updated: 1,
    });
    await savePersonal({ id: 'personal-2', type: 'place', name: 'Bellevue Hotel', aliases: [], description: '', created: 2, updated: 2 });
    await saveNote({
      id: 'n1',
      kind: 'entity',
      entityId: 'personal-1',
      entityName: 'Reba Hansen',
      text: 'Met in Paris.',
      tags: [],
      created: 3,
      updated: 3,
    });
    await saveNote({
      id: 'n2',
      kind: 'entity',
      entityId: 'jan-hus',
      entityName: 'Jan Hus',
      text: 'Read the letters.',
      tags: [],
      created: 4,
      updated: 4,
    });
    await saveNote({
      id: 'n3',
      kind: 'entity',
      entityId: 'gone',
      entityName: 'Unknown',
      text: 'On nothing we know.',
      tags: [],
      created: 5,
      updated: 5,
    });
    await saveNote({
      id: 'n4',
      kind: 'page',
      page: { url: 'https://example.org/', title: 'A page' },
      text: 'A page note is not a pack note.',
      tags: [],
      created: 6,
      updated: 6,
    });
    const lookup = async (ids: string[]): Promise<CardEntity[]> =>
      ids.includes('jan-hus') ? [{ id: 'jan-hus', type: 'person', name: 'Jan Hus', description: 'Preacher.', wikipedia: 'Jan Hus' }] : [];
    const pack = await exportPack(undefined, 'My study list', lookup);
    expect(pack).toEqual({
      dramatisPack: 1,
      title: 'My study list',
      entities: [
        { name: 'Reba Hansen', type: 'person', aliases: ['Reba'], description: 'A courier.' },
        { name: 'Bellevue Hotel', type: 'place' },
        { name: 'Jan Hus', type: 'person', wikipedia: 'Jan Hus' },
      ],
      notes: [
        { entity: 'Reba Hansen', text: 'Met in Paris.' },
        { entity: 'Jan Hus', text: 'Read the letters.' },
      ],
    });
    expect(parseJsonPack(serializeJsonPack(pack))).toMatchObject({ ok: true, pack });
    expect(parseCsvPack(serializeCsvPack(pack), 'whatever.csv')).toMatchObject({ ok: true, pack });
    // Imported into a fresh profile, it is the same pack.
    useDatabase(openDatabase(`fresh-${Math.random()}`));
    expect(await importPack('my-study-list.json', serializeJsonPack(pack))).toMatchObject({ ok: true });
    expect((await storedPacks())[0]!.pack).toEqual(pack);
  });
});
