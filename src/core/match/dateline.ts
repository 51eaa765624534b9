/**
 * A dateline names a town: a place name in capitals opening a line and followed by a comma, a dash
 * or a bracket ("NEW YORK, July 29 (Reuters)", "LONDON —") is where the story was filed. Left
 * ambiguous between a place and the larger place it lies in (New York City and New York State), it
 * is the smaller one. Cost: only ambiguous mentions are looked at, O(candidates x their relations).
 */
import type { Decided } from './decide';
import type { Matcher } from './matcher';
import { encodeWhy, WHY } from './why';

/** Resolves ambiguous datelines in place; `texts` are the blocks' texts. */
export function datelineTowns(mentions: Decided[], texts: readonly string[], matcher: Matcher): void {
  for (const m of mentions) {
    if (m.id || !m.candidates || m.candidates.length < 2) continue;
    const text = texts[m.block]!;
    if (!isDateline(text, m.start, m.end)) continue;
    const town = innermost(m.candidates, matcher);
    if (town === undefined) continue;
    m.id = town;
    m.candidates = undefined;
    m.key = undefined;
    m.why = encodeWhy(WHY.likeliest);
  }
}

/** Capitals (no lower-case letter) opening a line, then a comma, a dash or a bracket. */
export function isDateline(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() !== '') return false;
  const surface = text.slice(start, end);
  if (!/\p{Lu}.*\p{Lu}/u.test(surface) || /\p{Ll}/u.test(surface)) return false;
  return /^\s*(,|—|–| -|\()/.test(text.slice(end, end + 3));
}

/** The one candidate, a place, that lies in every other candidate (located_in or part_of them). */
function innermost(ids: readonly string[], matcher: Matcher): string | undefined {
  const indices = ids.map((id) => matcher.indexOf(id));
  let found: string | undefined;
  indices.forEach((i, k) => {
    if (i === undefined || matcher.entity(i).type !== 'place') return;
    const within = new Set(
      matcher
        .linksOf(i)
        .filter((l) => l.outgoing && (l.relation === 'located_in' || l.relation === 'part_of'))
        .map((l) => l.other),
    );
    if (indices.every((j, n) => n === k || (j !== undefined && within.has(j)))) found = found === undefined ? ids[k] : undefined;
  });
  return found;
}
