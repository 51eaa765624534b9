/**
 * Sports pages name teams by their cities ("Phoenix 102", "leaders Liverpool"), and the places where
 * games are played by the same words after "at": "the Suns won at Phoenix", "remaining at Atlanta",
 * "at Charlotte as the Hornets". After a lower-case "at" a town is the venue, the town itself; a state
 * or a region there is still the team that bears its name ("a game Tuesday at New Jersey", the Nets),
 * for a game is not played in a state. A town here is a place the dataset puts inside another
 * (city-or-state.ts isSettlement). Cost: one key read, then the links of the place only after "at".
 */
import type { TokenScan } from '../text/scan';
import type { Candidate, Matcher } from './matcher';
import { isSettlement } from './city-or-state';

/** The candidate follows a lower-case "at" and names a town: where a game is played, not a team. */
export function venueOfGame(matcher: Matcher, tokens: TokenScan, c: Candidate, entity: number): boolean {
  const prev = c.firstToken - 1;
  if (prev < 0 || tokens.breakBefore(c.firstToken) || tokens.key(prev) !== 'at') return false;
  // "At Phoenix, ..." at a sentence start reads the same, but a capitalised "At" may open a heading or a team's slogan.
  if (tokens.text.charCodeAt(tokens.starts[prev]!) !== 97) return false;
  return isSettlement(matcher, entity);
}
