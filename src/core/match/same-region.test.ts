import { describe, expect, it } from 'vitest';
import type { Decided } from './decide';
import type { Matcher } from './matcher';
import { sameRegion } from './same-region';

/** A stand-in matcher: the US state and Greensboro lie in the United States, the country and Kutaisi in the Caucasus. */
const ids = ['georgia-u-s-state', 'georgia-country', 'greensboro', 'united-states', 'kutaisi', 'georgia-o-keeffe', 'caucasus', 'durham'];
const within: Record<number, number[]> = { 0: [3], 1: [6], 2: [3], 4: [6], 7: [3] };
const matcher = {
  indexOf: (id: string) => (ids.includes(id) ? ids.indexOf(id) : undefined),
  entity: (i: number) => ({ type: i === 5 ? 'person' : 'place' }),
  linksOf: (i: number) => (within[i] ?? []).map((other) => ({ other, relation: 'located_in', outgoing: true })),
} as unknown as Matcher;

const greensboro: Decided = { block: 0, start: 0, end: 10, id: 'greensboro', explicit: true };
const georgia = (candidates = ['georgia-country', 'georgia-u-s-state']): Decided => ({
  block: 1,
  start: 20,
  end: 27,
  candidates,
  key: 'georgia',
});

describe('sameRegion', () => {
  it('gives an ambiguous place name to the candidate in the region of a place named on the page', () => {
    const m = georgia();
    sameRegion([greensboro, m], matcher);
    expect(m.id).toBe('georgia-u-s-state');
    const n = georgia();
    sameRegion([{ ...greensboro, id: 'kutaisi' }, n], matcher);
    expect(n.id).toBe('georgia-country');
  });
  it('takes the region most of the page’s places lie in, not one that only some share', () => {
    const m = georgia();
    sameRegion([greensboro, { ...greensboro, id: 'durham' }, { ...greensboro, id: 'kutaisi' }, m], matcher);
    expect(m.id).toBe('georgia-u-s-state');
  });
  it('leaves it when both or neither fit, a candidate is not a place, or the page place was not linked with confidence', () => {
    const both = georgia();
    sameRegion([greensboro, { ...greensboro, id: 'kutaisi' }, both], matcher);
    expect(both.id).toBeUndefined();
    const person = georgia(['georgia-o-keeffe', 'georgia-u-s-state']);
    sameRegion([greensboro, person], matcher);
    expect(person.id).toBeUndefined();
    const weak = georgia();
    sameRegion([{ ...greensboro, explicit: false }, weak], matcher);
    expect(weak.id).toBeUndefined();
    const alone = georgia();
    sameRegion([alone], matcher);
    expect(alone.id).toBeUndefined();
  });
});
