/** The quality scorer itself must be right, or the quality gate means nothing. */
import { describe, expect, it } from 'vitest';
import { score, type Gold } from './score';

const text = 'Walter Krivitsky met Hoover. Later Krivitsky saw the Hoover government. Stalin dies.';
const gold: Gold = {
  page: 'test',
  entities: {
    'walter-krivitsky': { notable: true, surfaces: ['Walter Krivitsky', 'Krivitsky'] },
    'joseph-stalin': { notable: false, surfaces: ['Stalin'] },
  },
  tricky: [
    { context: 'the Hoover government', surface: 'Hoover', expect: 'herbert-hoover' },
    { context: 'met Hoover.', surface: 'Hoover', expect: 'j-edgar-hoover' },
    { context: 'Stalin dies', surface: 'dies', expect: null },
  ],
};
const at = (s: string, n = 0) => {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(s, i + 1);
  return { start: i, end: i + s.length };
};

describe('quality scoring', () => {
  it('counts a perfect detection as perfect', () => {
    const r = score(
      text,
      [
        { ...at('Walter Krivitsky'), id: 'walter-krivitsky' },
        { ...at('Hoover'), id: 'j-edgar-hoover' },
        { ...at('Krivitsky', 1), id: 'walter-krivitsky' },
        { ...at('Hoover', 1), id: 'herbert-hoover' },
        { ...at('Stalin'), id: 'joseph-stalin' },
      ],
      gold,
    );
    expect([r.recall, r.precision, r.trickyWrong, r.misses]).toEqual([1, 1, [], []]);
  });
  it('catches wrong links, false positives and misses', () => {
    const r = score(
      text,
      [
        { ...at('Walter Krivitsky'), id: 'walter-krivitsky' },
        { ...at('Hoover', 1), id: 'j-edgar-hoover' },
        { ...at('dies'), id: 'martin-dies-jr' },
        { ...at('Later'), id: 'something' },
      ],
      gold,
    );
    expect(r.recall).toBe(0.5);
    expect(r.trickyWrong).toHaveLength(2);
    expect(r.falsePositives).toHaveLength(2);
    expect(r.precision).toBeCloseTo(1 / 4);
    expect(r.misses).toHaveLength(2);
  });
  it('rejects gold whose context is not in the text', () => {
    expect(() => score(text, [], { ...gold, tricky: [{ context: 'nowhere', surface: 'x', expect: null }] })).toThrow(/not found/);
  });
  it('tells a tricky miss with nothing detected (quiet) from one with ambiguous candidates', () => {
    const r = score(
      text,
      [
        { ...at('Walter Krivitsky'), id: 'walter-krivitsky' },
        { ...at('Hoover'), candidates: [{ id: 'j-edgar-hoover', name: 'J. Edgar Hoover', type: 'person', wikipedia: 'J. Edgar Hoover' }] },
      ],
      gold,
    );
    const missed = (ctxStart: number) => r.missed.find((m) => m.start === ctxStart);
    expect(missed(at('Hoover').start)?.quiet).toBe(false);
    expect(missed(at('Hoover', 1).start)?.quiet).toBe(true);
    expect(r.trickyRight).toBe(1); // only the "dies" that must stay unlinked
  });
});
