import { describe, expect, it } from 'vitest';
import { compileIndex } from './index/compile';
import { Matcher } from './match/matcher';
import { resolveDocument } from './match/resolve';
import { toBinary } from './index/binary';
import { personalEntityProblem, personalIndex, type PersonalEntity } from './personal';

const reba: PersonalEntity = {
  id: 'personal-1',
  type: 'person',
  name: 'Reba Hansen',
  aliases: ['Reba'],
  description: "Joseph Hansen's wife.",
  created: 1,
  updated: 1,
};

describe('personal entities', () => {
  it('are matched like dataset entities, from a small second table beside the shipped one', () => {
    const base = compileIndex(
      [
        {
          id: 'joseph-hansen',
          type: 'person',
          name: 'Joseph Hansen',
          description: 'A secretary of Trotsky in Mexico.',
          wikipedia: 'Joseph Hansen',
        },
      ],
      new Set(),
    );
    const personal = personalIndex([
      reba,
      { ...reba, id: 'personal-2', name: 'Joseph Hansen', aliases: [], description: 'My note on him.' },
    ])!;
    const matcher = new Matcher(toBinary(base), personal.index);
    const text = 'Joseph Hansen and his wife Reba Hansen went to Mexico. Reba stayed on.';
    const { mentions } = resolveDocument([text], matcher);
    const ids = mentions.map((m) => `${text.slice(m.start, m.end)}=${m.id ?? m.candidates!.join('|')}`);
    // A tracked name the dataset also holds stands beside the dataset's entity, in the second table.
    expect(ids).toEqual(['Joseph Hansen=joseph-hansen|personal-2', 'Reba Hansen=personal-1', 'Reba=personal-1']);
    expect(matcher.indexOf('personal-1')).toBe(1);
    expect(matcher.entity(1)).toMatchObject({ id: 'personal-1', name: 'Reba Hansen' });
    expect(personal.entities.map((e) => e.id)).toEqual(['personal-1', 'personal-2']);
  });
  it('are validated: ids cannot pose as dataset ids', () => {
    expect(personalEntityProblem(reba)).toBeNull();
    expect(personalEntityProblem({ ...reba, id: 'leon-trotsky' })).toMatch(/must start with "personal-"/);
    expect(personalEntityProblem({ ...reba, type: 'ghost' })).toMatch(/type must be one of/);
  });
});
