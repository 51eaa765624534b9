/** Evidence from the page for one candidate entity: cue words near it, and related entities named. */
import type { TokenScan } from '../text/scan';
import type { Candidate, Matcher } from './matcher';

const CUE_WINDOW = 6;
/** Points for a cue within CUE_WINDOW tokens; a dictionary word or a short form needs at least this. */
export const NEAR_CUE = 6;

/** +6 for a cue word within a few tokens of the mention, +2 for one elsewhere in the block. */
export function cueSupport(
  matcher: Matcher,
  entity: number,
  tokens: TokenScan,
  c: Candidate,
  positions: () => Map<string, number[]>,
): number {
  return bestCue(matcher, entity, tokens, c, positions)?.points ?? 0;
}

/**
 * The cue that counts most for the entity here: its points and where it is (first token and how
 * many), so a card can say "near: FBI". Cost: O(cues x their positions in the block).
 */
export function bestCue(
  matcher: Matcher,
  entity: number,
  tokens: TokenScan,
  c: Candidate,
  positions: () => Map<string, number[]>,
): { points: number; token: number; words: number } | undefined {
  const cues = matcher.cues(entity);
  if (!cues || cues.length === 0) return undefined;
  let best: { points: number; token: number; words: number } | undefined;
  const where = positions();
  for (const cue of cues) {
    const space = cue.indexOf(' ');
    const words = space === -1 ? undefined : cue.split(' ');
    for (const t of where.get(space === -1 ? cue : cue.slice(0, space)) ?? []) {
      if (t >= c.firstToken && t < c.endToken) continue;
      if (words && !words.every((w, i) => t + i < tokens.count && tokens.key(t + i) === w)) continue;
      const distance = t < c.firstToken ? c.firstToken - t : t - c.endToken + 1;
      const points = distance <= CUE_WINDOW ? NEAR_CUE : 2;
      if (!best || points > best.points) best = { points, token: t, words: words?.length ?? 1 };
      if (points === NEAR_CUE) return best;
    }
  }
  return best;
}

/** Token positions by key for one block, built once per block on first need (cues). O(tokens). */
export function tokenPositions(tokens: TokenScan): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (let t = 0; t < tokens.count; t++) {
    const key = tokens.key(t);
    const list = map.get(key);
    if (list) list.push(t);
    else map.set(key, [t]);
  }
  return map;
}

/** +1 for each entity related to this one (either way round) that is named on the page, at most +3. */
export function relatedSupport(matcher: Matcher, entity: number, onPage: ReadonlyMap<number, number>): number {
  let n = 0;
  for (const other of matcher.neighbours(entity)) {
    if (onPage.has(other)) n++;
    if (n === 3) break;
  }
  return n;
}

/** +2 when an entity related to this one is named in the same paragraph. */
export function relatedInBlock(matcher: Matcher, entity: number, inBlock: ReadonlySet<number>): number {
  for (const other of matcher.neighbours(entity)) if (inBlock.has(other)) return 2;
  return 0;
}

/** The first entity related to this one that is in `among` (a card's "with X on this page"), or undefined. */
export function firstRelated(matcher: Matcher, entity: number, among: { has(i: number): boolean }): number | undefined {
  for (const other of matcher.neighbours(entity)) if (among.has(other)) return other;
  return undefined;
}
