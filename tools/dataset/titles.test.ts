/** `dataset -- titles-vs`: the dataset's titles against a list of current titles (a small fixture list). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/core/dataset/types';
import {
  buildTitleIndex,
  formatAbsent,
  fold,
  formatTitleReport,
  parseTitleSource,
  readTitleSource,
  sliceOfFile,
  titlesVs,
  type TitleReport,
} from './titles';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'titles-source.txt');

function person(id: string, name: string, wikipedia: string, extra: Partial<Entity> = {}): Entity {
  return { id, type: 'person', name, wikipedia, description: '', ...extra };
}

const ENTITIES: { entity: Entity; file: string }[] = [
  // Moved: the same name now carries a disambiguator; the born year picks the right one.
  {
    entity: person('william-napier', 'William Napier', 'William Napier', {
      born: '1785-12-17',
      description: 'British Army general and historian.',
    }),
    file: 'assets/data/born-1750-1840-01.json',
  },
  // Moved: the hyphen changed words.
  {
    entity: person('claude-victor-perrin', 'Claude Victor-Perrin', 'Claude Victor-Perrin', { born: '1764' }),
    file: 'assets/data/born-1750-1840-02.json',
  },
  // Moved to the form the entity already lists as an alias.
  {
    entity: person('caesar-baronius', 'Caesar Baronius', 'Caesar Baronius', { aliases: ['Cesare Baronio', 'Baronio'] }),
    file: 'assets/data/early-modern-03.json',
  },
  // A transliteration one vowel apart.
  { entity: person('shahrokh-shah', 'Shahrokh Shah', 'Shahrokh Shah', { born: '1734' }), file: 'assets/data/early-modern-04.json' },
  // A fuller name.
  {
    entity: person('stamford-raffles', 'Stamford Raffles', 'Stamford Raffles', { born: '1781' }),
    file: 'assets/data/born-1750-1840-03.json',
  },
  // A town whose article carries its state.
  {
    entity: { id: 'matamoros', type: 'place', name: 'Matamoros', wikipedia: 'Matamoros', description: 'Mexican city.' },
    file: 'assets/data/places-01.json',
  },
  // Not to be proposed: another regnal number; the bare name that a namesake holds; a board game.
  {
    entity: person('christian-v', 'Christian V of Denmark', 'Christian V of Denmark', { born: '1646' }),
    file: 'assets/data/early-modern-05.json',
  },
  { entity: person('john-bull-composer', 'John Bull', 'John Bull (composer)', { born: '1562' }), file: 'assets/data/early-modern-06.json' },
  {
    entity: { id: 'carcassonne', type: 'place', name: 'Carcassonne', wikipedia: 'Carcassonne', description: 'French city.' },
    file: 'assets/data/places-02.json',
  },
  // In the list already: nothing to report.
  {
    entity: { id: 'paris', type: 'place', name: 'Paris', wikipedia: 'Paris', description: 'Capital of France.' },
    file: 'assets/data/places-03.json',
  },
];

function report(extra: Entity[] = []): TitleReport {
  const index = buildTitleIndex([readTitleSource(FIXTURE)]);
  return titlesVs(ENTITIES, [...ENTITIES.map((x) => x.entity), ...extra], index);
}

const firstCandidate = (r: TitleReport, id: string): string | undefined => r.rows.find((row) => row.entity.id === id)?.candidates[0]?.title;

describe('titles-vs: reading a list of titles', () => {
  it('reads /wiki/ links (URL-encoded, underscores) and leaves out pages that are not articles', () => {
    const source = readTitleSource(FIXTURE);
    const titles = source.titles.map((t) => t.title);
    expect(titles).toContain('William Napier (British Army officer, born 1785)');
    expect(titles).toContain('Matamoros, Tamaulipas');
    expect(titles).not.toContain('Wikipedia:Vital articles');
    expect(source.name).toBe('titles-source.txt');
  });

  it('reads plain lines, a TSV title column and the reference lists JSON with their birth years', () => {
    expect(parseTitleSource('Claude-Victor_Perrin\nhttps://en.wikipedia.org/wiki/Caf%C3%A9\n', 'x').titles.map((t) => t.title)).toEqual([
      'Claude-Victor Perrin',
      'Café',
    ]);
    expect(parseTitleSource('id\ttitle\n1\tAda Lovelace\n', 'x').titles).toEqual([{ title: 'Ada Lovelace' }]);
    expect(parseTitleSource(JSON.stringify({ items: [{ title: 'John Napier', birth_year: 1550 }] }), 'x').titles).toEqual([
      { title: 'John Napier', birthYear: 1550 },
    ]);
  });

  it('says why a file cannot be used instead of reading nothing', () => {
    expect(() => parseTitleSource('\n\n', 'empty.txt')).toThrow(/empty\.txt: no titles found/);
    expect(() => parseTitleSource('id\tviews\n1\t2\n', 'views.tsv')).toThrow(/no column is named title/);
    expect(() => parseTitleSource('{"rows": []}', 'other.json')).toThrow(/"items" array/);
  });

  it('folds diacritics, case and punctuation alike', () => {
    expect(fold('Claude-Victor Perrin')).toBe(fold('Claude Victor-Perrin'));
    expect(fold('Kőszeg')).toBe('koszeg');
    expect(fold('Łódź')).toBe('lodz');
  });
});

describe('titles-vs: candidates for titles that are not in the list', () => {
  const r = report();

  it('counts the titles found in the list and the ones not found, and lists the latter', () => {
    expect(r.checked).toBe(ENTITIES.length);
    expect(r.inSource).toBe(1); // Paris
    expect(r.notInSource).toBe(ENTITIES.length - 1);
    const absent = formatAbsent(r, sliceOfFile).trimEnd().split('\n');
    expect(absent).toHaveLength(ENTITIES.length); // the header and every title but Paris
    expect(absent.some((l) => l.endsWith('\tParis'))).toBe(false);
    expect(absent).toContain('C\tassets/data/early-modern-03.json\tcaesar-baronius\tperson\tCaesar Baronius\tCaesar Baronius');
  });

  it('proposes the same name with a disambiguator, the one whose year agrees first', () => {
    const row = r.rows.find((x) => x.entity.id === 'william-napier')!;
    expect(row.candidates.map((c) => c.title)).toEqual(['William Napier (British Army officer, born 1785)']);
    expect(row.candidates[0]!.kind).toBe('disambiguator');
    expect(row.candidates[0]!.reasons.join('; ')).toMatch(/year 1785 agrees/);
  });

  it('proposes spelling variants, aliases that are titles, transliterations, fuller names and comma qualifiers', () => {
    expect(firstCandidate(r, 'claude-victor-perrin')).toBe('Claude-Victor Perrin');
    expect(r.rows.find((x) => x.entity.id === 'claude-victor-perrin')!.candidates[0]!.kind).toBe('spelling');
    expect(firstCandidate(r, 'caesar-baronius')).toBe('Cesare Baronio');
    expect(firstCandidate(r, 'shahrokh-shah')).toBe('Shahrukh Shah');
    expect(firstCandidate(r, 'stamford-raffles')).toBe('Thomas Stamford Raffles');
    expect(firstCandidate(r, 'matamoros')).toBe('Matamoros, Tamaulipas');
  });

  it('does not propose another regnal number, the namesake holding the bare name, or a board game', () => {
    expect(firstCandidate(r, 'christian-v')).toBeUndefined();
    expect(firstCandidate(r, 'carcassonne')).toBeUndefined();
    const bull = r.rows.find((x) => x.entity.id === 'john-bull-composer');
    // The bare "John Bull" is listed only as a weak 'no-disambiguator' candidate, never as an alias.
    for (const c of bull?.candidates ?? []) expect(c.kind).toBe('no-disambiguator');
  });

  it('leaves out a weak look-alike that another entity of the dataset already carries', () => {
    const other = person('shahrukh-shah-other', 'Shahrukh Shah', 'Shahrukh Shah');
    const withOther = report([other]);
    expect(firstCandidate(withOther, 'shahrokh-shah')).toBeUndefined();
    expect(withOther.takenByOthers).toBeGreaterThan(0);
  });

  it('reports a strong look-alike that another entity carries as a possible duplicate', () => {
    const other = person('napier-other', 'William Napier', 'William Napier (British Army officer, born 1785)', { born: '1785' });
    const row = report([other]).rows.find((x) => x.entity.id === 'william-napier')!;
    expect(row.candidates[0]!.title).toBe('William Napier (British Army officer, born 1785)');
    expect(row.candidates[0]!.reasons.join('; ')).toMatch(/already the title of napier-other/);
  });

  it('writes one TSV line per candidate with the slice of the file, best entity first', () => {
    const tsv = formatTitleReport(r, sliceOfFile).trimEnd().split('\n');
    expect(tsv[0]!.split('\t').slice(0, 4)).toEqual(['slice', 'file', 'id', 'type']);
    const napier = tsv.find((l) => l.includes('\twilliam-napier\t'))!.split('\t');
    expect(napier[0]).toBe('D');
    expect(napier[8]).toBe('William Napier (British Army officer, born 1785)');
    const scores = r.rows.map((row) => row.candidates[0]!.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(sliceOfFile('assets/data/places-07.json')).toBe('G');
    expect(sliceOfFile('assets/data/places-cities-europe.json')).toBe('');
  });
});

describe('titles-vs: the fixture', () => {
  it('is a plain list of /wiki/ links, as the vital-articles scrape gives them', () => {
    expect(readFileSync(FIXTURE, 'utf8').split('\n')[0]).toMatch(/^\/wiki\//);
  });
});

describe('titles-vs: titles the audit notes already name', () => {
  it('ranks their candidates lower and says why', () => {
    const index = buildTitleIndex([readTitleSource(FIXTURE)]);
    const napier = ENTITIES.filter((x) => x.entity.id === 'claude-victor-perrin');
    const plain = titlesVs(napier, [], index).rows[0]!.candidates[0]!;
    const audited = titlesVs(napier, [], index, 5, 'sixth sample: Claude Victor-Perrin confirmed').rows[0]!.candidates[0]!;
    expect(audited.title).toBe(plain.title);
    expect(audited.score).toBeLessThan(plain.score);
    expect(audited.reasons.join('; ')).toMatch(/named in the audit notes/);
  });
});

describe('titles-vs: a one-word title in the audit notes', () => {
  it('counts only as a whole word', () => {
    const index = buildTitleIndex([parseTitleSource('Ob (river)\n', 'list.txt')]);
    const ob = [
      {
        entity: { id: 'ob', type: 'place', name: 'Ob', wikipedia: 'Ob', description: 'Siberian river.' } as Entity,
        file: 'assets/data/places-01.json',
      },
    ];
    const notNamed = titlesVs(ob, [], index, 5, 'Obama and Obninsk').rows[0]!.candidates[0]!;
    const named = titlesVs(ob, [], index, 5, 'moved titles fixed (Soča, Ob)').rows[0]!.candidates[0]!;
    expect(notNamed.reasons.join('; ')).not.toMatch(/audit notes/);
    expect(named.reasons.join('; ')).toMatch(/audit notes/);
  });
});

describe("titles-vs: an event's disambiguator year", () => {
  it('must fall within the event, not a year beside it', () => {
    const index = buildTitleIndex([parseTitleSource('Battle of Flores (1592)\nBattle of Flores (1591)\n', 'list.txt')]);
    const battle: Entity = {
      id: 'flores',
      type: 'event',
      name: 'Battle of Flores',
      wikipedia: 'Battle of Flores',
      description: 'Sea fight.',
      start: '1591',
    };
    const candidates = titlesVs([{ entity: battle, file: 'assets/data/early-modern-01.json' }], [], index).rows[0]!.candidates;
    expect(candidates.map((c) => c.title)).toEqual(['Battle of Flores (1591)']);
  });
});
