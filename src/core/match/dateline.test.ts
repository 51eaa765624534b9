import { describe, expect, it } from 'vitest';
import type { Decided } from './decide';
import { datelineTowns, isDateline } from './dateline';
import type { Matcher } from './matcher';

/** A stand-in matcher: three places, the city lying in the state, the country apart. */
const ids = ['new-york-city', 'new-york-state', 'georgia-country'];
const matcher = {
  indexOf: (id: string) => (ids.includes(id) ? ids.indexOf(id) : undefined),
  entity: () => ({ type: 'place' }),
  linksOf: (i: number) => (i === 0 ? [{ other: 1, relation: 'located_in', outgoing: true }] : []),
} as unknown as Matcher;

const at = (text: string, surface: string) => ({ start: text.indexOf(surface), end: text.indexOf(surface) + surface.length });

describe('isDateline', () => {
  it('takes capitals opening a line before a comma, dash or bracket', () => {
    const t = 'NEW YORK, July 29 (Reuters) - Stocks rose.';
    expect(isDateline(t, at(t, 'NEW YORK').start, at(t, 'NEW YORK').end)).toBe(true);
    const u = 'Markets\nLONDON — Shares fell.';
    expect(isDateline(u, at(u, 'LONDON').start, at(u, 'LONDON').end)).toBe(true);
  });
  it('not mixed case, mid-line, or without the punctuation', () => {
    const t = 'New York, July 29 (Reuters)';
    expect(isDateline(t, 0, 8)).toBe(false);
    const u = 'He said NEW YORK, then left.';
    expect(isDateline(u, at(u, 'NEW YORK').start, at(u, 'NEW YORK').end)).toBe(false);
    const v = 'NEW YORK STOCKS';
    expect(isDateline(v, 0, 8)).toBe(false);
  });
});

describe('datelineTowns', () => {
  const text = 'NEW YORK, July 29 (Reuters) - Stocks rose.';
  const tie = (candidates: string[]): Decided => ({ block: 0, ...at(text, 'NEW YORK'), candidates, key: 'new york' });
  it('gives an ambiguous dateline to the place that lies in the other', () => {
    const m = tie(['new-york-state', 'new-york-city']);
    datelineTowns([m], [text], matcher);
    expect(m.id).toBe('new-york-city');
    expect(m.candidates).toBeUndefined();
  });
  it('leaves it when neither lies in the other', () => {
    const m = tie(['new-york-state', 'georgia-country']);
    datelineTowns([m], [text], matcher);
    expect(m.id).toBeUndefined();
  });
});
