/**
 * "Constantine appealed to Western Europe" on a page about 1453: the emperor, whom the page supports
 * through his relations, is ruled out as a bare first name, and the Algerian city of that name,
 * which nothing on the page speaks for, would take the mention. A place that has nothing but its
 * own name for it yields when a person of the same form has the page's relations or a cue for them:
 * the mention is left unlinked rather than given to the town. Cost: O(entries) per candidate.
 */
import type { Matcher } from './matcher';
import type { Scored } from './score';

/** Marks doubtful the valid places with no support when a person of the form has some. */
export function placeYieldsToSupportedPerson(scored: Scored[], matcher: Matcher): void {
  const personSupported = scored.some((s) => !s.valid && matcher.entity(s.entity).type === 'person' && s.points.related + s.points.cue > 0);
  if (!personSupported) return;
  for (const s of scored) {
    const p = s.points;
    if (!s.valid || matcher.entity(s.entity).type !== 'place' || p.onPage + p.related + p.cue + p.era > 0) continue;
    s.valid = false;
    s.reasons.push('a place with nothing but its name, where a person of that name has the page for them');
  }
}
