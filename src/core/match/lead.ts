/**
 * Two refinements of how decide.ts weighs the best-scored entity of a mention against the rest.
 * Both are O(candidates) per mention and only run where namesakes are close.
 */
import { NEAR_CUE } from './evidence';
import type { Scored } from './score';

/**
 * Whether a namesake the rules ruled out still makes `best` doubtful when it scores as high. A
 * derived reading (a surname or first name) that was ruled out does not cast doubt on the entity
 * whose own form this is when the page names that entity in full elsewhere: "the Han" after "the
 * Han Dynasty" is the dynasty, however closely Emperor Wu of Han is related to the page. Ruled-out
 * namesakes of any other kind still do ("Lincoln" the city beside Abraham Lincoln's relations).
 */
export function castsDoubt(ruledOut: Scored, best: Scored): boolean {
  return !(ruledOut.derived && !best.derived && best.points.onPage > 0);
}

/**
 * A lead of one point is enough when it comes from a near cue that no other candidate has: words
 * beside the mention that speak for one namesake ("the TV series Vikings") are the most specific
 * evidence there is, while the page's general sense (the Vikings of a page about 793) is not.
 */
export function cueDecides(best: Scored, others: readonly Scored[]): boolean {
  return best.points.cue >= NEAR_CUE && others.every((s) => s.points.cue === 0);
}
