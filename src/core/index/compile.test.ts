import { describe, expect, it } from 'vitest';
import { compileIndex, nameParts } from './compile';
import { FormFlag, formEntries } from './format';
import type { Entity } from '../dataset/types';

const e = (over: Partial<Entity>): Entity => ({
  id: 'x',
  type: 'person',
  name: 'X',
  description: 'Something true and fresh.',
  wikipedia: 'X',
  ...over,
});

describe('compileIndex', () => {
  const index = compileIndex(
    [
      e({ id: 'martin-dies-jr', name: 'Martin Dies Jr.', aliases: ['Dies'], wikipedia: 'Martin Dies Jr.', cues: ['Committee'] }),
      e({ id: 'nkvd', type: 'organization', name: 'NKVD', wikipedia: 'NKVD' }),
      e({ id: 'mi5', type: 'organization', name: 'MI5', wikipedia: 'MI5' }),
    ],
    new Set(['dies', 'martin']),
  );
  const flags = (key: string) => formEntries(index, key);

  it('keeps card data and drops what only matching needs', () => {
    expect(index.entities.map((x) => x.id)).toEqual(['martin-dies-jr', 'mi5', 'nkvd']);
    expect(index.entities[0]).not.toHaveProperty('aliases');
    expect(index.cues[0]).toEqual(['committee']);
  });
  it('flags dictionary words and derives surnames and first names', () => {
    expect(flags('dies')).toEqual([0, FormFlag.CommonWord]);
    expect(flags('martin')).toEqual([0, FormFlag.FirstName | FormFlag.CommonWord]);
    expect(flags('martin dies jr')).toEqual([0, 0]);
  });
  it('adds dotted and dashed acronym variants', () => {
    expect(flags('n k v d')).toEqual([2, FormFlag.Acronym]);
    expect(flags('mi 5')).toEqual([1, FormFlag.Acronym]);
  });
});

describe('surname spellings', () => {
  const index = compileIndex(
    [
      e({
        id: 'mikhail-gorbachev',
        name: 'Mikhail Gorbachev',
        aliases: ['Gorbachev', 'Mikhail Gorbachov'],
        wikipedia: 'Mikhail Gorbachev',
      }),
      e({ id: 'eugene-dennis', name: 'Eugene Dennis', aliases: ['Dennis', 'Tim Ryan'], wikipedia: 'Eugene Dennis' }),
    ],
    new Set(),
  );
  it('lets another spelling of a surname that stands alone stand alone too', () => {
    expect(formEntries(index, 'gorbachov')).toEqual([1, 0]);
  });
  it("keeps a pseudonym's surname weak", () => {
    expect(formEntries(index, 'ryan')).toEqual([0, FormFlag.Surname]);
  });
});

describe('name parts', () => {
  it('takes no surname from the place of an "X of Place" name, nor from a regnal number', () => {
    expect(nameParts('Leopold II of Belgium')).toEqual({ first: 'leopold' });
    expect(nameParts('Catherine of Aragon')).toEqual({ first: 'catherine' });
    expect(nameParts('Louis XIV')).toEqual({ first: 'louis' });
  });
  it("gives a ruler's one name before a title or a regnal number as a first name", () => {
    expect(nameParts('Pope Urban II')).toEqual({ first: 'urban' });
    expect(nameParts('Emperor Wu of Han')).toEqual({ first: 'wu' });
    // A titled surname alone is not a first name.
    expect(nameParts('General Franco')).toEqual({});
  });
  it('reads a styled name up to its comma', () => {
    expect(nameParts('Franz Ferdinand, Archduke of Austria')).toEqual({ surname: 'ferdinand', first: 'franz' });
    expect(nameParts('Anne, Queen of Great Britain')).toEqual({ first: 'anne' });
  });
  it('keeps ordinary names as they were', () => {
    expect(nameParts('Joseph Leroy Hansen')).toEqual({ surname: 'hansen', first: 'joseph' });
    expect(nameParts('Xi Jinping')).toEqual({ surname: 'jinping', first: 'xi' });
  });
});
