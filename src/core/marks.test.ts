import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './protocol/messages';
import { selectMarks, type MarkCandidate } from './marks';

const kinds = DEFAULT_SETTINGS.kinds;
// Two paragraphs: Trotsky twice in the first, once in the second; Mexico once; an ambiguous "Hoover" twice.
const page: MarkCandidate[] = [
  { id: 'trotsky', types: ['person'], block: 'p1' },
  { id: 'mexico', types: ['place'], block: 'p1' },
  { id: 'trotsky', types: ['person'], block: 'p1' },
  { key: 'hoover', types: ['person', 'person'], block: 'p1' },
  { id: 'trotsky', types: ['person'], block: 'p2' },
  { key: 'hoover', types: ['person'], block: 'p2' },
  { id: 'nkvd', types: ['organization'], block: 'p2' },
];

describe('which mentions are marked', () => {
  it('every mention', () => {
    expect(selectMarks(page, { density: 'every', kinds })).toEqual([true, true, true, true, true, true, true]);
  });

  it('the first mention of each entity (or ambiguous form) in each block', () => {
    expect(selectMarks(page, { density: 'block', kinds })).toEqual([true, true, false, true, true, true, true]);
  });

  it('the first mention on the page: one per entity', () => {
    const marked = selectMarks(page, { density: 'page', kinds });
    expect(marked).toEqual([true, true, false, true, false, false, true]);
    const ids = page.filter((_, i) => marked[i]).map((m) => m.id ?? m.key);
    expect(ids).toEqual(['trotsky', 'mexico', 'hoover', 'nkvd']);
  });

  it('modifier: every mention, for while the key is held', () => {
    expect(selectMarks(page, { density: 'modifier', kinds }).every(Boolean)).toBe(true);
  });

  it('a kind switched off is never marked, and does not use up a "first mention"', () => {
    const noPeople = { ...kinds, person: false };
    expect(selectMarks(page, { density: 'page', kinds: noPeople })).toEqual([false, true, false, false, false, false, true]);
    // An ambiguous name shows while one of its candidates' kinds is on.
    const mixed: MarkCandidate[] = [{ key: 'washington', types: ['person', 'place'], block: 'p' }];
    expect(selectMarks(mixed, { density: 'every', kinds: noPeople })).toEqual([true]);
    expect(selectMarks(mixed, { density: 'every', kinds: { ...noPeople, place: false } })).toEqual([false]);
  });
});
