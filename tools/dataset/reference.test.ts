import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Entity } from '../../src/core/dataset/types';
import {
  birthMismatches,
  centuryOf,
  coverage,
  formatLine,
  loadReferenceLists,
  referenceMissing,
  titleKey,
  type ReferenceLists,
} from './reference';

const person = (over: Partial<Entity>): Entity => ({
  id: 'x',
  type: 'person',
  name: 'X',
  description: 'Somebody for a test.',
  wikipedia: 'X',
  ...over,
});

const lists: ReferenceLists = {
  level3: [
    { title: 'Julius Caesar', kind: 'person', section: 'People', birth_year: -100 },
    { title: 'History of Rome', kind: 'topic', section: 'History' },
    { title: 'Roman Empire', kind: 'entity', section: 'History' },
  ],
  level4People: [
    { title: 'Julius Caesar', section_approx: 'politicians and leaders', birth_year: -100 },
    { title: 'Homer', section_approx: 'writers and journalists', birth_year: -800 },
  ],
  level5History: [
    { title: 'Roman Empire', period: 'ancient' },
    { title: 'Feudalism', period: 'general-regional-thematic' },
  ],
  level5People: [
    { title: 'Titus', birth_year: 41 },
    { title: 'Homer', birth_year: -800 },
    { title: 'Nobody', birth_year: null },
  ],
};

describe('coverage', () => {
  const entities = [
    person({ id: 'julius-caesar', wikipedia: 'Julius Caesar' }),
    { ...person({ id: 'roman-empire', type: 'place', wikipedia: 'Roman empire (state)' }), aliases: ['Roman Empire'] },
  ];
  const report = coverage(lists, entities);
  it('counts titles and aliases equal to a title, leaving topics out of Level 3', () => {
    expect(report[0]!.lines[0]).toEqual({ label: 'overall', covered: 2, total: 2, target: 0.98 });
    expect(report[2]!.lines.find((l) => l.label === 'outside general-regional-thematic')).toMatchObject({ covered: 1, total: 1 });
  });
  it('gives each Level 4 section the 90% target and lists missing titles best first', () => {
    expect(report[1]!.lines.slice(1).every((l) => l.target === 0.9)).toBe(true);
    expect(report[1]!.missing).toEqual(['Homer']);
    expect(report[3]!.missing).toEqual(['Homer', 'Titus', 'Nobody']);
    expect(report[3]!.lines.map((l) => l.label)).toEqual(['overall', '8th century BC', '1st century', 'birth unknown']);
  });
  it('counts a name equal to a title too (a list of an older date)', () => {
    const withHomer = coverage(lists, [...entities, person({ id: 'homer-poet', name: 'Homer', wikipedia: 'Homer (poet)' })]);
    expect(withHomer[1]!.missing).toEqual([]);
  });
  it('prints covered/total, the share and the target', () => {
    expect(formatLine({ label: 'overall', covered: 1, total: 2, target: 0.98 }, 8)).toBe(
      '  overall          1/2  50.0%  target >= 98%: below',
    );
  });
});

describe('birthMismatches', () => {
  it('flags a difference of more than a year, with the note when there is one', () => {
    const found = birthMismatches(lists, [
      { entity: person({ id: 'titus', wikipedia: 'Titus', born: '0039-12-30', note: 'Suetonius dates it to 39.' }), file: 'a.json' },
      { entity: person({ id: 'homer', wikipedia: 'Homer', born: '-0750' }), file: 'a.json' },
      { entity: person({ id: 'julius-caesar', wikipedia: 'Julius Caesar', born: '-0100-07-12' }), file: 'a.json' },
    ]);
    expect(found).toEqual([
      {
        id: 'titus',
        title: 'Titus',
        born: '0039-12-30',
        listYear: 41,
        list: 'vital-level5-people.json',
        file: 'a.json',
        note: 'Suetonius dates it to 39.',
      },
      { id: 'homer', title: 'Homer', born: '-0750', listYear: -800, list: 'vital-level4-people.json', file: 'a.json' },
    ]);
  });
  it('tolerates one year, across the BC/AD boundary too', () => {
    const found = birthMismatches({ ...lists, level5People: [{ title: 'Y', birth_year: -1 }] }, [
      { entity: person({ wikipedia: 'Y', born: '0001' }), file: 'a.json' },
    ]);
    expect(found).toEqual([]);
  });
});

describe('helpers', () => {
  it('names centuries and folds titles', () => {
    expect([centuryOf(1900), centuryOf(1901), centuryOf(-44), centuryOf(-500), centuryOf(2001), centuryOf(1150)]).toEqual([
      '19th century',
      '20th century',
      '1st century BC',
      '5th century BC',
      '21st century',
      '12th century',
    ]);
    expect(titleKey('léon_Blum')).toBe('Léon Blum');
  });
});

describe('absent lists', () => {
  afterEach(() => vi.unstubAllEnvs());
  it('skip with exit 0 on a developer machine and fail in CI', () => {
    const lists = loadReferenceLists('/nonexistent/reference');
    expect(lists).toEqual({ missing: expect.stringContaining('is absent') });
    vi.stubEnv('CI', '');
    expect(referenceMissing('x is absent')).toEqual({ message: 'skipped: x is absent', exitCode: 0 });
    vi.stubEnv('CI', 'true');
    expect(referenceMissing('x is absent')).toEqual({ message: 'error: x is absent; CI=true requires it', exitCode: 1 });
  });
});
