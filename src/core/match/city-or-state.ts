/**
 * A city and the state of its era can share a name: "Carthage" is the city and, on a page about the
 * Punic Wars, the power (Ancient Carthage, an era name); "Rome" the city and the Republic. The era
 * name wins its era ("war between Rome and Carthage"), except where the words place something in the
 * city: "mercenaries in Carthage", "the area near Carthage", "consolidated power in Rome". A city
 * here is a place that the dataset puts inside another (located in it, or its capital), which the
 * states and islands that carry era names are not. Cost: one key read per candidate, and the links
 * of its places only when an era name is among them.
 */
import type { TokenScan } from '../text/scan';
import type { Candidate, Matcher } from './matcher';

/** Prepositions that put what they govern at a spot: a town, not a power. */
const LOCATIVE = new Set(['in', 'at', 'near', 'inside', 'outside', 'within']);

/** The candidate follows a lower-case preposition of place ("in Carthage"). */
export function afterLocative(tokens: TokenScan, c: Candidate): boolean {
  const prev = c.firstToken - 1;
  if (prev < 0 || tokens.breakBefore(c.firstToken)) return false;
  const first = tokens.text.charCodeAt(tokens.starts[prev]!);
  return first >= 97 && first <= 122 && LOCATIVE.has(tokens.key(prev));
}

/** The dataset puts this place inside another: it is located in it or is its capital (a town, not a land). */
export function isSettlement(matcher: Matcher, entity: number): boolean {
  if (matcher.entity(entity).type !== 'place') return false;
  return matcher.linksOf(entity).some((l) => l.outgoing && (l.relation === 'located_in' || l.relation === 'capital_of'));
}
