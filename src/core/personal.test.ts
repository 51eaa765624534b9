import { describe, expect, it } from 'vitest';
import { compileIndex } from './index/compile';
import { Matcher } from './match/matcher';
import { resolveDocument } from './match/resolve';
import { personalEntityProblem, withPersonal, type PersonalEntity } from './personal';

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
  it('are matched like dataset entities once merged into the index', () => {
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
    const matcher = new Matcher(withPersonal(base, [reba]));
    const text = 'Joseph Hansen and his wife Reba Hansen went to Mexico. Reba stayed on.';
    const ids = resolveDocument([text], matcher).mentions.map((m) => `${text.slice(m.start, m.end)}=${m.id}`);
    expect(ids).toEqual(['Joseph Hansen=joseph-hansen', 'Reba Hansen=personal-1', 'Reba=personal-1']);
  });
  it('are validated: ids cannot pose as dataset ids', () => {
    expect(personalEntityProblem(reba)).toBeNull();
    expect(personalEntityProblem({ ...reba, id: 'leon-trotsky' })).toMatch(/must start with "personal-"/);
    expect(personalEntityProblem({ ...reba, type: 'ghost' })).toMatch(/type must be one of/);
  });
});
