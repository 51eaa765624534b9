import { describe, expect, it } from 'vitest';
import { linkedWith as linked, wrongLinksMatcher } from '../../../test/fixtures/wrong-links/fixture';
import { polityOfSeat } from './government-of-seat';

describe('a seat of government before a word for a government', () => {
  it('names the one polity it was the capital of at the page’s year', () => {
    expect(linked('In 1942 the Vichy regime signed the accord.')).toEqual(['Vichy=vichy-france']);
    expect(linked('In 1863 the Turin government spoke for Italy.')).toEqual(['Turin=kingdom-of-italy', 'Italy=italy']);
  });
  it('names nothing outside the polity’s years, without a page year, or with two polities of that year', () => {
    expect(linked('In 1950 the Vichy government was long gone.')).toEqual([]);
    expect(linked('The Vichy regime signed the accord.')).toEqual([]);
    expect(linked('In 1861 the Turin government moved.')).toEqual([]);
  });
  it('leaves the town where no word for a government follows it, and a town that was no capital', () => {
    expect(linked('In 1942 they met in Vichy.')).toEqual(['Vichy=vichy']);
    expect(linked('In 1853 Japan saw the decay of the Edo administration.')).toEqual(['Japan=japan']);
  });
  it('reads the capital links of the place against the year', () => {
    const m = wrongLinksMatcher();
    const turin = m.lookup('turin')!;
    expect(polityOfSeat(m, turin, 1800)).toBe(m.indexOf('kingdom-of-sardinia'));
    expect(polityOfSeat(m, turin, 1861)).toBeUndefined();
    expect(polityOfSeat(m, turin, 1990)).toBeUndefined();
  });
});
