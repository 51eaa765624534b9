import { describe, expect, it } from 'vitest';
import { validateDataset } from './validate';

const person = (over: Record<string, unknown> = {}) => ({
  id: 'walter-krivitsky',
  type: 'person',
  name: 'Walter Krivitsky',
  aliases: ['Krivitsky'],
  description: 'A Soviet intelligence officer who defected in 1937.',
  wikipedia: 'Walter Krivitsky',
  born: '1899-06-28',
  died: '1941-02-10',
  ...over,
});
const run = (entities: unknown[], words: string[] = []) =>
  validateDataset([{ file: 'a.json', data: { topic: 't', entities } }], new Set(words));

describe('validateDataset', () => {
  it('accepts a good entity', () => {
    expect(run([person()]).problems).toEqual([]);
  });
  it('names file, entry and problem', () => {
    const { problems } = run([person({ born: '1899-13-01' })]);
    expect(problems).toEqual([
      { file: 'a.json', id: 'walter-krivitsky', problem: expect.stringContaining('born "1899-13-01" is not an ISO 8601') },
    ]);
  });
  it('rejects impossible lifespans and spans', () => {
    expect(run([person({ born: '1950', died: '1941' })]).problems[0]!.problem).toMatch(/after died/);
    expect(run([person({ born: '1700', died: '1941' })]).problems[0]!.problem).toMatch(/not plausible/);
    expect(
      run([{ ...person({ id: 'x', type: 'event', wikipedia: 'X' }), born: undefined, died: undefined, start: '1940', end: '1939' }])
        .problems[0]!.problem,
    ).toMatch(/start 1940 is after end 1939/);
  });
  it('keeps born/died for people and start/end for the rest', () => {
    expect(run([person({ start: '1920' })]).problems[0]!.problem).toMatch(/a person has born\/died/);
  });
  it('finds duplicates across files and dangling references', () => {
    const result = validateDataset(
      [
        { file: 'a.json', data: { topic: 't', entities: [person({ related: [{ id: 'nobody', relation: 'friend_of' }] })] } },
        { file: 'b.json', data: { topic: 't', entities: [person({ description: 'Another description of the same man, twice.' })] } },
      ],
      new Set(),
    );
    const text = result.problems.map((p) => `${p.file} ${p.problem}`);
    expect(text).toContain('b.json duplicate id (also in a.json)');
    expect(text).toContain('b.json wikipedia title "Walter Krivitsky" is also used by walter-krivitsky');
    expect(text).toContain('a.json related id "nobody" does not exist');
  });
  it('rejects copied descriptions, unknown fields and bad relations', () => {
    const result = run([
      person(),
      person({ id: 'b', wikipedia: 'B', colour: 'red', related: [{ id: 'walter-krivitsky', relation: 'likes' }] }),
    ]);
    const text = result.problems.map((p) => p.problem);
    expect(text).toContain('unknown field "colour"');
    expect(text.some((t) => t.startsWith('description duplicates'))).toBe(true);
    expect(text.some((t) => t.startsWith('relation "likes" is not one of'))).toBe(true);
  });
  it('says when a file is not the right shape', () => {
    const result = validateDataset([{ file: 'x.json', data: [1, 2] }], new Set());
    expect(result.problems[0]).toEqual({ file: 'x.json', problem: expect.stringContaining('must hold an object') });
  });
  it('lists aliases that need context: dictionary words and shared forms', () => {
    const dies = person({
      id: 'martin-dies-jr',
      name: 'Martin Dies Jr.',
      aliases: ['Dies', 'Hoover'],
      wikipedia: 'Martin Dies Jr.',
      description: 'A Texas congressman who chaired a committee.',
    });
    const hoover = person({
      id: 'herbert-hoover',
      name: 'Herbert Hoover',
      aliases: ['Hoover'],
      wikipedia: 'Herbert Hoover',
      description: 'A president of the United States.',
    });
    const { needsContext } = run([dies, hoover], ['dies']);
    expect(needsContext).toEqual([
      { key: 'dies', reasons: ['common-word'], ids: ['martin-dies-jr'] },
      { key: 'hoover', reasons: ['shared'], ids: ['herbert-hoover', 'martin-dies-jr'] },
    ]);
  });
});
