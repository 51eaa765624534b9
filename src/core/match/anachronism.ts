/**
 * A modern state named by another of its names on a page before its founding is an anachronism:
 * "Bosnia" in 1914 is the land (or the Austro-Hungarian province), not the state founded in 1992.
 * A country named by its own name keeps its chance ("India" in 1853, score.ts) and an era name
 * ("Canada" for the Province of Quebec in 1777) wins its era; another of its names does not stand
 * for it before it existed, with whatever support, and leaves the mention to the historical entity
 * of the page's era or to nothing. Cost: O(1).
 */
import type { MatchEntity } from '../index/format';
import { yearOf } from '../dates';

/** Years of slack before a founding (a page about the eve of independence). */
const SLACK = 5;

/**
 * `e` is a place or body with a founding and no end, matched through a name that is neither its own
 * nor an era name, on a page about a time before its founding. A page that names it by other forms
 * too (a fortress by its Turkish and Greek names) speaks for it: the page's median year may simply
 * miss its time.
 */
export function aliasBeforeFounding(
  e: MatchEntity,
  pageYear: number | undefined,
  form: { ownName: boolean; eraBound: boolean; namedElsewhere: boolean },
): boolean {
  if (pageYear === undefined || form.ownName || form.eraBound || form.namedElsewhere || e.end !== undefined) return false;
  if (e.type !== 'place' && e.type !== 'organization') return false;
  const founded = yearOf(e.start);
  return founded !== undefined && pageYear < founded - SLACK;
}
