/**
 * A battle is named by its place: "From A (Alps) to Z (Zama)" ends at the Battle of Zama. A place
 * with nothing for it but its own name, on a page about the battle's time that names one of the
 * battle's relations (Hannibal for Zama), and not placed by a preposition ("to Bennington", "at
 * Zama"), may be the battle as well as the town, so the town's card is doubtful there
 * (`battleOfPageEra`), where the dataset holds a "Battle of <place>" (or "Battles of"). A heading
 * that gives the place and the battle's year ("150. Bennington, 1777") links the battle outright:
 * that is dated-heading.ts.
 * Cost: at most two key lookups (one hash probe each) for a place candidate that the rule reaches.
 */
import type { TokenScan } from '../text/scan';
import { yearOf } from '../dates';
import { relatedSupport } from './evidence';
import type { Candidate, Matcher } from './matcher';

/** Words that place what follows at a spot or a destination: "to Bennington" is the town. */
const PLACING = new Set([
  'in',
  'at',
  'to',
  'near',
  'from',
  'toward',
  'towards',
  'into',
  'of',
  'by',
  'via',
  'through',
  'across',
  'around',
  'past',
  'reach',
  'reached',
  'nearer',
]);

/** The "Battle(s) of <key>" events the dataset holds, with their years. */
function battlesOf(matcher: Matcher, key: string): { entity: number; year: number | undefined }[] {
  const out: { entity: number; year: number | undefined }[] = [];
  for (const prefix of ['battle of ', 'battles of ']) {
    const entries = matcher.lookup(prefix + key);
    if (!entries) continue;
    for (let k = 0; k < entries.length; k += 2) {
      const e = matcher.entity(entries[k]!);
      if (e.type === 'event') out.push({ entity: entries[k]!, year: yearOf(e.start) });
    }
  }
  return out;
}

/**
 * A "Battle of <place>" within 30 years of the page's year exists, and no preposition places the
 * mention at a spot: the place's name may stand for the battle.
 */
export function battleOfPageEra(
  matcher: Matcher,
  tokens: TokenScan,
  c: Candidate,
  pageYear: number | undefined,
  onPage: ReadonlyMap<number, number>,
): boolean {
  if (pageYear === undefined) return false;
  const prev = c.firstToken - 1;
  if (prev >= 0 && !tokens.breakBefore(c.firstToken) && PLACING.has(tokens.key(prev))) return false;
  return battlesOf(matcher, c.key).some(
    (b) => b.year !== undefined && Math.abs(b.year - pageYear) <= 30 && relatedSupport(matcher, b.entity, onPage) > 0,
  );
}
