/**
 * "the present city of Rome in New York" is not Rome, Italy: a town the words place in a region that
 * the dataset does not put it in is a namesake there. Both sides must be placed by the dataset (the
 * town located in or capital of something, the region part of or located in something), and their
 * chains of containers must not meet: "Carthage in North Africa" keeps Carthage (North Africa has
 * no container), "Athens in Greece" too (Athens is Greece's capital). Cost: for a place followed by
 * "in" and a known place, a walk of at most DEPTH links up from each side.
 */
import { nameKey } from '../text/tokens';
import type { TokenScan } from '../text/scan';
import type { Candidate, Matcher } from './matcher';

const DEPTH = 3;
const UP = new Set(['located_in', 'capital_of', 'part_of']);

/** The entity and every place it is in, up to DEPTH links. */
function containers(matcher: Matcher, entity: number): Set<number> {
  const seen = new Set([entity]);
  let frontier = [entity];
  for (let d = 0; d < DEPTH && frontier.length > 0; d++) {
    const next: number[] = [];
    for (const e of frontier)
      for (const l of matcher.linksOf(e)) {
        if (!l.outgoing || !UP.has(l.relation) || seen.has(l.other)) continue;
        seen.add(l.other);
        next.push(l.other);
      }
    frontier = next;
  }
  return seen;
}

/**
 * A place that can hold towns: not itself a town (located in or capital of something). "broke with
 * Moscow in Paris" places nothing in Paris.
 */
function region(matcher: Matcher, entity: number): boolean {
  if (matcher.entity(entity).type !== 'place') return false;
  return !matcher.linksOf(entity).some((l) => l.outgoing && (l.relation === 'located_in' || l.relation === 'capital_of'));
}

/** The regions named by the longest known form (up to four words) right after "in". */
function regionAfterIn(matcher: Matcher, tokens: TokenScan, c: Candidate): number[] {
  const inAt = c.endToken;
  if (inAt + 1 >= tokens.count || tokens.breakBefore(inAt) || tokens.key(inAt) !== 'in' || tokens.breakBefore(inAt + 1)) return [];
  const first = tokens.text.charCodeAt(tokens.starts[inAt + 1]!);
  if (first < 65 || first > 90) return [];
  let places: number[] = [];
  for (let end = inAt + 2; end <= Math.min(tokens.count, inAt + 5); end++) {
    if (end > inAt + 2 && tokens.breakBefore(end - 1)) break;
    const key = nameKey(tokens.text.slice(tokens.starts[inAt + 1]!, tokens.ends[end - 1]!));
    const entries = matcher.lookup(key);
    if (!entries) continue;
    const found: number[] = [];
    for (let k = 0; k < entries.length; k += 2) if (region(matcher, entries[k]!)) found.push(entries[k]!);
    if (found.length > 0) places = found;
  }
  return places;
}

/** `entity` (a place) is written "X in Region", and the dataset puts it nowhere near that region. */
export function placedElsewhere(matcher: Matcher, tokens: TokenScan, c: Candidate, entity: number): boolean {
  const regions = regionAfterIn(matcher, tokens, c);
  if (regions.length === 0) return false;
  const mine = containers(matcher, entity);
  if (mine.size === 1) return false;
  for (const r of regions) {
    const theirs = containers(matcher, r);
    if (theirs.size === 1) return false;
    for (const x of theirs) if (mine.has(x)) return false;
  }
  return true;
}
