/** The JSON backup: lossless round trip, whole-file validation with readable messages, and merging. */
import { describe, expect, it } from 'vitest';
import { createBackup, mergeRecords, parseBackup, serializeBackup } from './backup';
import { makeCorrection, type Correction } from '../corrections';
import type { Note } from '../notes/model';
import type { PersonalEntity } from '../personal';
import { DEFAULT_SETTINGS, type Settings } from '../protocol/messages';
import notesFixture from '../../../test/fixtures/export/notes.json';
import { malformedBackups } from '../../../test/fixtures/export/malformed-backups';

const notes = notesFixture as Note[];
const personal: PersonalEntity[] = [
  {
    id: 'personal-2',
    type: 'person',
    name: 'Elsa Poretsky',
    aliases: ['Elisabeth Poretsky'],
    description: 'Wife of Ignace Reiss; wrote Our Own People.',
    created: 10,
    updated: 20,
  },
  { id: 'personal-1', type: 'place', name: 'Bellevue Hotel', aliases: [], description: '', created: 5, updated: 5 },
];
const settings: Settings = { ...DEFAULT_SETTINGS, highlightsEnabled: false, disabledSites: ['news.example.com'], density: 'page' };
const KRIVITSKY = 'https://en.wikipedia.org/wiki/Walter_Krivitsky';
const corrections: Correction[] = [
  makeCorrection({ key: 'reiss', surface: 'Reiss', scope: 'page', url: KRIVITSKY, entityId: 'ignace-reiss', now: 7 }),
  makeCorrection({
    key: 'hoover',
    surface: 'Hoover',
    scope: 'everywhere',
    url: KRIVITSKY,
    entityId: 'herbert-hoover',
    entityName: 'Herbert Hoover',
    now: 8,
  }),
  makeCorrection({ key: 'dies', surface: 'Dies', scope: 'site', url: KRIVITSKY, entityId: null, now: 9 }),
];
const EXPORTED_AT = Date.UTC(2026, 10, 25, 8, 30);

const backup = createBackup({ notes, personal, settings, corrections, exportedAt: EXPORTED_AT });
const text = serializeBackup(backup);

function error(input: string): string {
  const result = parseBackup(input);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
}

/** The valid backup with one change, as text. */
function altered(change: (b: Record<string, unknown>) => void): string {
  const b = JSON.parse(text) as Record<string, unknown>;
  change(b);
  return JSON.stringify(b);
}

describe('backup', () => {
  it('round-trips: create, serialize, parse gives an equal backup', () => {
    const parsed = parseBackup(text);
    expect(parsed).toEqual({ ok: true, backup });
    expect(backup).toMatchObject({ format: 'dramatis-backup', version: 2, exportedAt: EXPORTED_AT, settings });
    expect(new Set(backup.corrections)).toEqual(new Set(corrections));
    expect(backup.notes).toHaveLength(notes.length);
    expect(new Set(backup.notes)).toEqual(new Set(notes));
    expect(backup.personal.map((p) => p.id)).toEqual(['personal-1', 'personal-2']);
  });

  it('serializes stably: fixed key order, pretty, same bytes whatever the input order', () => {
    expect(text.startsWith('{\n  "format": "dramatis-backup",\n  "version": 2,\n  "exportedAt": ')).toBe(true);
    const shuffled = createBackup({
      notes: [...notes].reverse(),
      personal: [...personal].reverse(),
      settings: { ...settings, kinds: { ...settings.kinds } },
      corrections: [...corrections].reverse(),
      exportedAt: EXPORTED_AT,
    });
    expect(serializeBackup(shuffled)).toBe(text);
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(`the serialized backup did not parse: ${parsed.error}`);
    expect(serializeBackup(parsed.backup)).toBe(text);
  });

  it('leaves out the derived keys a stored note carries', () => {
    const stored = Object.assign({}, notes[0]!, { pageKey: 'x', entityKey: '' });
    const keys = Object.keys(createBackup({ notes: [stored], personal: [], settings, corrections: [], exportedAt: 0 }).notes[0]!);
    expect(keys).not.toContain('pageKey');
    expect(keys).not.toContain('entityKey');
    expect(keys.sort()).toEqual(Object.keys(notes[0]!).sort());
  });

  it('accepts a byte order mark', () => {
    expect(parseBackup(`\uFEFF${text}`).ok).toBe(true);
  });
});

describe('a bad backup is refused whole, with a message a reader understands', () => {
  it('an empty file', () => expect(error('  \n')).toBe('The file is empty.'));

  it('not JSON, with where', () => {
    expect(error('# My notes\n\nhello')).toBe(
      'This file is not valid JSON, so it is not a Dramatis backup (the problem is at line 1, column 1).',
    );
    expect(error('{\n  "format": "dramatis-backup",\n  "version": 1,,\n}')).toMatch(/not valid JSON.*line 3, column 16/);
  });

  it("Firefox's wording of a JSON error gives the same line and column", () => {
    // Node words it differently; what parseBackup makes of Firefox's message is checked here, and in Firefox by the e2e suite.
    const original = JSON.parse;
    JSON.parse = () => {
      throw new SyntaxError('JSON.parse: expected double-quoted property name at line 3 column 16 of the JSON data');
    };
    try {
      expect(error('{\n  "format": "dramatis-backup",\n  "version": 1,,\n}')).toMatch(/not valid JSON.*line 3, column 16/);
    } finally {
      JSON.parse = original;
    }
  });

  it('truncated JSON', () => {
    expect(error(text.slice(0, Math.floor(text.length / 2)))).toMatch(/cut off before its end/);
    expect(error(text.slice(0, text.lastIndexOf('}')))).toMatch(/cut off before its end/);
  });

  it('{} and foreign JSON files', () => {
    expect(error('{}')).toMatch(/not a Dramatis backup/);
    expect(error('[1, 2, 3]')).toMatch(/not a Dramatis backup/);
    expect(error('{"name": "dramatis", "version": "0.1.0", "dependencies": {}}')).toMatch(
      /not a Dramatis backup.*"format": "dramatis-backup"/,
    );
    expect(error('{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection"}')).toMatch(
      /annotations export, not a backup/,
    );
  });

  it('a newer version', () => {
    expect(
      error(
        altered((b) => {
          b.version = 99;
        }),
      ),
    ).toBe(
      'This backup was made by a newer version of Dramatis (backup version 99; this version reads up to 2), so update Dramatis and import it again.',
    );
    expect(
      error(
        altered((b) => {
          b.version = '1';
        }),
      ),
    ).toMatch(/no valid version number/);
  });

  it('a note with a missing field, named by place and id', () => {
    const message = error(
      altered((b) => {
        delete (b.notes as Record<string, unknown>[])[2]!.tags;
      }),
    );
    expect(message).toMatch(/^Note 3 of 9 \(id "[0-9a-f-]+"\) is damaged: tags must be/);
    expect(
      error(
        altered((b) => {
          delete (b.notes as Record<string, unknown>[])[0]!.id;
        }),
      ),
    ).toMatch(/^Note 1 of 9 \(no id\) is damaged: id must be a non-empty string\.$/);
    expect(
      error(
        altered((b) => {
          (b.notes as Record<string, unknown>[])[4]!.kind = 'bookmark';
        }),
      ),
    ).toMatch(/^Note 5 of 9 .*kind must be "page", "passage" or "entity"/);
  });

  it('duplicate ids', () => {
    const message = error(
      altered((b) => {
        (b.notes as Record<string, unknown>[])[5]!.id = (b.notes as Record<string, unknown>[])[1]!.id;
      }),
    );
    expect(message).toMatch(/^Notes 2 and 6 have the same id "[0-9a-f-]+"/);
    expect(
      error(
        altered((b) => {
          (b.personal as Record<string, unknown>[])[1]!.id = 'personal-1';
        }),
      ),
    ).toMatch(/^Personal entities 1 and 2 have the same id "personal-1"/);
  });

  it('a malformed correction, named by its place in the list', () => {
    expect(
      error(
        altered((b) => {
          (b.corrections as Record<string, unknown>[])[1]!.scope = 'galaxy';
        }),
      ),
    ).toMatch(/^Correction 2 of 3 \(id "[^"]+"\) is damaged: its scope must be page, site or everywhere\.$/);
    expect(
      error(
        altered((b) => {
          (b.corrections as Record<string, unknown>[])[0]!.entityId = 42;
        }),
      ),
    ).toMatch(/^Correction 1 of 3 .* is damaged: its entity must be an id or null/);
    expect(
      error(
        altered((b) => {
          delete b.corrections;
        }),
      ),
    ).toMatch(/corrections are missing or not a list/);
  });

  it('a version 1 backup: its picks for ambiguous names become page corrections', () => {
    const v1 = altered((b) => {
      b.version = 1;
      delete b.corrections;
      b.choices = { [KRIVITSKY]: { reiss: 'ignace-reiss', nin: 'andreu-nin' } };
    });
    const parsed = parseBackup(v1);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.backup.version).toBe(1);
    expect(parsed.backup.corrections.map((c) => [c.scope, c.where, c.key, c.entityId])).toEqual([
      ['page', KRIVITSKY, 'nin', 'andreu-nin'],
      ['page', KRIVITSKY, 'reiss', 'ignace-reiss'],
    ]);
  });

  it('a bad personal entity, settings or choices', () => {
    expect(
      error(
        altered((b) => {
          (b.personal as Record<string, unknown>[])[0]!.name = 'x';
        }),
      ),
    ).toBe('Personal entity 1 of 2 (id "personal-1") is damaged: name must be 2 to 200 characters.');
    expect(
      error(
        altered((b) => {
          delete b.notes;
        }),
      ),
    ).toMatch(/notes are missing or not a list/);
    expect(
      error(
        altered((b) => {
          b.settings = { highlightsEnabled: 'yes', disabledSites: [] };
        }),
      ),
    ).toMatch(/settings are damaged: highlightsEnabled/);
    expect(
      error(
        altered((b) => {
          b.settings = { highlightsEnabled: true, disabledSites: [1] };
        }),
      ),
    ).toMatch(/settings are damaged: disabledSites/);
    expect(
      error(
        altered((b) => {
          b.version = 1;
          b.choices = { 'https://a.example': { x: 3 } };
        }),
      ),
    ).toMatch(/choices for ambiguous names are damaged/);
  });

  it('reads a backup from before the reader-control settings: missing fields take their defaults', () => {
    const old = altered((b) => {
      b.settings = { highlightsEnabled: false, disabledSites: ['old.example'] };
    });
    const parsed = parseBackup(old);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.backup.settings).toEqual({ ...DEFAULT_SETTINGS, highlightsEnabled: false, disabledSites: ['old.example'] });
  });

  it('checks every settings field it knows, and drops fields a newer version added', () => {
    expect(
      error(
        altered((b) => {
          (b.settings as Record<string, unknown>).density = 'most';
        }),
      ),
    ).toBe("The backup's settings are damaged: density must be one of every, block, page, modifier.");
    expect(
      error(
        altered((b) => {
          (b.settings as Record<string, unknown>).kinds = { person: 'no' };
        }),
      ),
    ).toMatch(/settings are damaged: kinds person must be true or false/);
    const newer = parseBackup(
      altered((b) => {
        (b.settings as Record<string, unknown>).syncServer = 'https://dav.example';
      }),
    );
    if (!newer.ok) throw new Error(newer.error);
    expect(newer.backup.settings).toEqual(settings);
  });
});

describe('the bounds of issue 12: refused with a reason, and never written', () => {
  it('a tracked-name time of 1e400 (Infinity once parsed) is refused, and a stored one is never exported as null', () => {
    const withHuge = text.replace('"updated": 20', '"updated": 1e400');
    expect(withHuge).not.toBe(text);
    expect(error(withHuge)).toMatch(/^Personal entity 2 of 2 \(id "personal-2"\) is damaged: created and updated must be times\.$/);
    const stored = { ...personal[0]!, updated: Infinity, created: Infinity };
    const written = serializeBackup(
      createBackup({ notes: [{ ...notes[0]!, updated: NaN }], personal: [stored], settings, corrections, exportedAt: EXPORTED_AT }),
    );
    // Only a correction's "not a name here" is null; no time ever is.
    expect(written).not.toMatch(/"(created|updated|exportedAt)": null/);
    expect(parseBackup(written).ok).toBe(true);
  });

  it('unknown and prototype fields', () => {
    expect(
      error(
        altered((b) => {
          (b.notes as Record<string, unknown>[])[0]!.junk = 'x'.repeat(1000);
        }),
      ),
    ).toMatch(/^Note 1 of 9 .* is damaged: the note has an unknown field "junk"\.$/);
    expect(error(text.replace('"notes": [', '"notes": [{"__proto__": {"polluted": true}, "id": "p"},'))).toMatch(/is damaged/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(
      error(
        altered((b) => {
          (b.personal as Record<string, unknown>[])[0]!['constructor'] = 'x';
        }),
      ),
    ).toMatch(/unknown field "constructor"/);
    expect(error(text.replace('"corrections": [', '"corrections": [{"__proto__": {"polluted": true}, "id": "p"},'))).toMatch(/is damaged/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('too many switched-off sites or tracked names', () => {
    expect(
      error(
        altered((b) => {
          b.settings = { highlightsEnabled: true, disabledSites: Array.from({ length: 200_000 }, (_, i) => `s${i}.example`) };
        }),
      ),
    ).toBe(
      'The backup switches Dramatis off on 200,000 sites; Dramatis keeps at most 2,000, so the backup looks damaged or edited by hand.',
    );
    const many = Array.from({ length: 5_000 }, (_, i) => ({ ...personal[1]!, id: `personal-${i}` }));
    expect(
      error(
        altered((b) => {
          b.personal = many;
        }),
      ),
    ).toMatch(/^Dramatis keeps at most 1,000 tracked names \(this would make 5,000\)/);
    const aliased = Array.from({ length: 400 }, (_, i) => ({
      ...personal[1]!,
      id: `personal-${i}`,
      aliases: Array.from({ length: 50 }, (_, k) => `a${k}`),
    }));
    expect(
      error(
        altered((b) => {
          b.personal = aliased;
        }),
      ),
    ).toMatch(/at most 10,000 tracked names and aliases in all \(this would make 20,400\)/);
  });
});

describe('the malformed-backup suite (shared with the e2e in both browsers)', () => {
  for (const c of malformedBackups(text)) {
    it(`refuses ${c.name}`, () => expect(`Nothing was imported: ${error(c.text)}`).toMatch(c.message));
  }
});

describe('mergeRecords', () => {
  const note = (id: string, updated: number, text = id): Note => ({
    id,
    kind: 'page',
    page: { url: 'https://a.example', title: 'A' },
    text,
    tags: [],
    created: 1,
    updated,
  });

  it('adds new notes, keeps the newer edit, leaves ties and older copies alone', () => {
    const existing = [note('a', 10, 'mine'), note('b', 10, 'mine'), note('c', 10, 'mine')];
    const incoming = [note('a', 20, 'newer'), note('b', 10, 'same time'), note('c', 5, 'older'), note('d', 1)];
    const result = mergeRecords(existing, incoming);
    expect(result.toWrite.map((n) => [n.id, n.text])).toEqual([
      ['a', 'newer'],
      ['d', 'd'],
    ]);
    expect(result).toMatchObject({ added: 1, updated: 1, unchanged: 2 });
  });

  it('never writes an id twice, even when the import repeats one', () => {
    const result = mergeRecords(
      [note('a', 10)],
      [note('b', 1, 'first'), note('b', 3, 'newest'), note('b', 2, 'middle'), note('a', 11), note('a', 12, 'latest')],
    );
    expect(result.toWrite.map((n) => [n.id, n.text])).toEqual([
      ['b', 'newest'],
      ['a', 'latest'],
    ]);
    expect(result).toMatchObject({ added: 1, updated: 1, unchanged: 0 });
  });

  it('importing a backup twice changes nothing the second time', () => {
    const first = mergeRecords([], backup.notes);
    expect(first.added).toBe(notes.length);
    expect(mergeRecords(first.toWrite, backup.notes)).toEqual({ toWrite: [], added: 0, updated: 0, unchanged: notes.length });
  });
});
