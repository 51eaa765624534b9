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
  it('binds era names to an era the entity has, and lists each name once', () => {
    const place = (over: Record<string, unknown>) => ({
      id: 'ancient-egypt',
      type: 'place',
      name: 'Ancient Egypt',
      description: 'The civilization of the Nile valley until the Roman conquest.',
      wikipedia: 'Ancient Egypt',
      end: '-0030',
      ...over,
    });
    expect(run([place({ eraNames: ['Egypt'] })]).problems).toEqual([]);
    expect(run([place({ eraNames: ['Egypt'], end: undefined })]).problems[0]!.problem).toMatch(/need the entity's start or end/);
    expect(run([place({ eraNames: ['Ancient Egypt'] })]).problems[0]!.problem).toMatch(/also the name or an alias/);
    expect(run([place({ eraNames: [] })]).problems[0]!.problem).toMatch(/non-empty array/);
    expect(run([person({ eraNames: ['Walter'] })]).problems[0]!.problem).toMatch(/not people/);
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
  describe('relations that point the wrong way', () => {
    const org = (id: string, over: Record<string, unknown> = {}) => ({
      id,
      type: 'organization',
      name: id.toUpperCase(),
      description: `An organization called ${id} for a test.`,
      wikipedia: id,
      ...over,
    });
    const heydrich = person({
      id: 'reinhard-heydrich',
      name: 'Reinhard Heydrich',
      aliases: [],
      wikipedia: 'Reinhard Heydrich',
      description: 'Head of the SD and of the RSHA.',
    });
    const problemsOf = (entities: unknown[]) => run(entities).problems.map((p) => p.problem);
    it('rejects an organization that founded or led a person', () => {
      const text = problemsOf([heydrich, org('sd', { related: [{ id: 'reinhard-heydrich', relation: 'founded' }] })]);
      expect(text).toEqual([
        expect.stringMatching(/^"founded" needs a organization\/place\/event\/work as target, not a person \(sd founded reinhard-heydrich/),
      ]);
      expect(problemsOf([heydrich, org('jac', { related: [{ id: 'reinhard-heydrich', relation: 'led' }] })])[0]).toMatch(/"led" needs/);
    });
    it('accepts the same relation the right way round', () => {
      expect(problemsOf([org('sd'), { ...heydrich, related: [{ id: 'sd', relation: 'founded' }] }])).toEqual([]);
    });
    it('keeps written_by on works, author_of and handler_of on people, member_of on organizations', () => {
      const event = { ...org('ev', { type: 'event' }), related: [{ id: 'reinhard-heydrich', relation: 'written_by' }] };
      expect(problemsOf([heydrich, event])[0]).toMatch(/"written_by" needs a work as subject, not a event/);
      expect(problemsOf([heydrich, org('dst', { related: [{ id: 'reinhard-heydrich', relation: 'handler_of' }] })])[0]).toMatch(
        /"handler_of" needs a person as subject/,
      );
      const project = org('mp', { type: 'event' });
      expect(problemsOf([project, { ...heydrich, related: [{ id: 'mp', relation: 'member_of' }] }])[0]).toMatch(
        /"member_of" needs a organization as target/,
      );
    });
    it('keeps an event part of an event or a polity, never of an organization', () => {
      const op = org('op', { type: 'event', related: [{ id: 'nkvd', relation: 'part_of' }] });
      expect(problemsOf([org('nkvd'), op])).toEqual([
        expect.stringMatching(/^an event is part_of an event \(or a polity\), not a organization/),
      ]);
      const war = org('war', { type: 'event' });
      const state = org('state', { type: 'place' });
      expect(
        problemsOf([
          war,
          state,
          org('battle', {
            type: 'event',
            related: [
              { id: 'war', relation: 'part_of' },
              { id: 'state', relation: 'part_of' },
            ],
          }),
        ]),
      ).toEqual([]);
    });
    it('keeps located_in and capital_of on places', () => {
      expect(
        problemsOf([
          org('china', { type: 'place' }),
          org('canal', { type: 'work', related: [{ id: 'china', relation: 'located_in' }] }),
        ])[0],
      ).toMatch(/"located_in" needs a place as subject/);
    });
  });
  it('rejects a work published before its author was born', () => {
    const book = {
      id: 'book',
      type: 'work',
      name: 'The Book',
      description: 'A book written for a unit test.',
      wikipedia: 'The Book',
      start: '1890',
    };
    const { problems } = run([person({ related: [{ id: 'book', relation: 'author_of' }] }), book]);
    expect(problems.map((p) => p.problem)).toEqual(['start 1890 precedes the birth of its author walter-krivitsky (1899-06-28)']);
    expect(run([person(), { ...book, start: '1939', related: [{ id: 'walter-krivitsky', relation: 'written_by' }] }]).problems).toEqual([]);
  });
  it("rejects an alias that is another entity's name or title, but not a shared surname", () => {
    const trial = {
      id: 'trial-of-charles-i',
      type: 'event',
      name: 'Trial of Charles I',
      description: 'The trial of the king in 1649.',
      wikipedia: 'Trial of Charles I',
    };
    const execution = {
      ...trial,
      id: 'execution-of-charles-i',
      name: 'Execution of Charles I',
      wikipedia: 'Execution of Charles I',
      description: 'The beheading of the king in January 1649.',
      aliases: ['Trial of Charles I'],
    };
    expect(run([trial, execution]).problems.map((p) => `${p.id}: ${p.problem}`)).toEqual([
      'execution-of-charles-i: alias "Trial of Charles I" is the name or title of trial-of-charles-i',
    ]);
    const hoover = person({ id: 'hoover', name: 'Hoover', aliases: [], wikipedia: 'Hoover', description: 'A namesake called Hoover.' });
    expect(
      run([hoover, person({ id: 'j-edgar-hoover', name: 'J. Edgar Hoover', aliases: ['Hoover'], wikipedia: 'J. Edgar Hoover' })]).problems,
    ).toEqual([]);
  });
  it('asks for cues on short acronyms and hyphenated common words, and lists acronyms of up to three letters', () => {
    const sd = {
      id: 'sicherheitsdienst',
      type: 'organization',
      name: 'Sicherheitsdienst',
      aliases: ['SD', 'non-intervention'],
      description: 'The intelligence service of the SS.',
      wikipedia: 'Sicherheitsdienst',
    };
    const result = validateDataset([{ file: 'a.json', data: { topic: 't', entities: [sd] } }], new Set(['non', 'intervention']));
    expect(result.problems.map((p) => p.problem)).toEqual([
      expect.stringMatching(/^acronym alias "SD" matches alone: add cues/),
      expect.stringMatching(/^alias "non-intervention" is a common word: add cues/),
    ]);
    expect(result.shortAcronyms).toEqual([{ alias: 'SD', ids: ['sicherheitsdienst'] }]);
    expect(run([{ ...sd, aliases: ['SD'], cues: ['heydrich', 'ss'] }]).problems).toEqual([]);
    // A form several entities share is already weighed with context.
    const social = {
      ...sd,
      id: 'sd-party',
      name: 'Social Democrats',
      aliases: ['SD'],
      wikipedia: 'Social Democrats',
      description: 'A social democratic party for a test.',
    };
    expect(run([{ ...sd, aliases: ['SD'] }, social]).problems).toEqual([]);
  });
});
