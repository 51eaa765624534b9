import { describe, expect, it } from 'vitest';
import { linkedWith as linked, wrongLinksMatcher } from '../../../test/fixtures/wrong-links/fixture';
import { scan } from '../text/scan';
import type { Candidate } from './matcher';
import { venueOfGame } from './sports-venue';

const SCORES = 'Phoenix 102, New Jersey 88. The Suns beat them 102-88 after a 15-4 burst.';

/** The candidate for `surface` (its first occurrence) in `text`. */
function at(text: string, surface: string): { tokens: ReturnType<typeof scan>; c: Candidate } {
  const tokens = scan(text);
  const c = wrongLinksMatcher()
    .candidates(text, tokens)
    .find((x) => text.slice(x.start, x.end) === surface)!;
  return { tokens, c };
}

describe('a town after "at" on a sports page', () => {
  it('is the venue, the town itself, while the same name before a score stays the team', () => {
    expect(linked(SCORES, 'The Suns won at Phoenix on Thursday.')).toEqual(['Phoenix=phoenix-arizona']);
  });
  it('leaves a state after "at" to the team that bears its name', () => {
    expect(linked(SCORES, 'They play a game Tuesday at New Jersey.')).toEqual([]);
  });
  it('leaves the team its name elsewhere on the page, and a capitalised "At" proves nothing', () => {
    expect(linked(SCORES, 'Phoenix’s 13-3 record is the best. At Phoenix they sold out.')).toEqual([]);
  });
  it('changes nothing on a page without scores', () => {
    expect(linked('We arrived at Phoenix and drove on to New Jersey.')).toEqual(['Phoenix=phoenix-arizona', 'New Jersey=new-jersey']);
  });
  it('reads a lower-case "at" right before a town', () => {
    const m = wrongLinksMatcher();
    const town = at('the Suns won at Phoenix', 'Phoenix');
    expect(venueOfGame(m, town.tokens, town.c, m.indexOf('phoenix-arizona')!)).toBe(true);
    const state = at('a game at New Jersey', 'New Jersey');
    expect(venueOfGame(m, state.tokens, state.c, m.indexOf('new-jersey')!)).toBe(false);
    const before = at('Phoenix at home', 'Phoenix');
    expect(venueOfGame(m, before.tokens, before.c, m.indexOf('phoenix-arizona')!)).toBe(false);
  });
});
