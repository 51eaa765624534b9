import { describe, expect, it } from 'vitest';
import { castsDoubt, cueDecides } from './lead';
import type { Scored } from './score';

/** A scored entry with the given points; the rest of its evidence zero. */
function scored(entity: number, score: number, extra: Partial<Scored> = {}, points: Partial<Scored['points']> = {}): Scored {
  return {
    entity,
    score,
    valid: true,
    derived: false,
    common: false,
    reasons: [],
    points: { onPage: 0, cue: 0, related: 0, era: 0, title: 0, ...points },
    ...extra,
  };
}

describe('castsDoubt', () => {
  const dynasty = scored(1, 6, {}, { onPage: 3 });
  it('lets a ruled-out derived reading leave alone the holder of the form named in full on the page', () => {
    expect(castsDoubt(scored(2, 6, { valid: false, derived: true }), dynasty)).toBe(false);
  });
  it('keeps the doubt when the holder is not named elsewhere on the page', () => {
    expect(castsDoubt(scored(2, 6, { valid: false, derived: true }), scored(1, 6))).toBe(true);
  });
  it('keeps the doubt from a ruled-out namesake through its own form, or against a derived best', () => {
    expect(castsDoubt(scored(2, 6, { valid: false }), dynasty)).toBe(true);
    expect(castsDoubt(scored(2, 6, { valid: false, derived: true }), scored(1, 6, { derived: true }, { onPage: 3 }))).toBe(true);
  });
});

describe('cueDecides', () => {
  const series = scored(1, 5, {}, { cue: 6 });
  it('lets a near cue decide when no other candidate has a cue', () => {
    expect(cueDecides(series, [scored(2, 4, {}, { onPage: 3 })])).toBe(true);
  });
  it('does not when another candidate has a cue too, or the cue is not near', () => {
    expect(cueDecides(series, [scored(2, 4, {}, { cue: 2 })])).toBe(false);
    expect(cueDecides(scored(1, 5, {}, { cue: 2 }), [scored(2, 4)])).toBe(false);
  });
});
