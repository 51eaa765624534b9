/**
 * A battle is named by its place: "150. Bennington, 1777" heads the account of the Battle of
 * Bennington, "From A (Alps) to Z (Zama)" ends at the Battle of Zama. Two rules, both only where
 * the dataset holds a "Battle of <place>" (or "Battles of"):
 * - a place with the battle's year right after it, opening a line or a numbered item, is the battle
 *   (`battleNamedByPlace`, which links the battle);
 * - a place with nothing for it but its own name, on a page about the battle's time that names one
 *   of the battle's relations (Hannibal for Zama), and not placed by a preposition ("to
 *   Bennington", "at Zama"), may be the battle as well as the town, so the town's card is doubtful
 *   there (`battleOfPageEra`).
 * Cost: at most two key lookups (one hash probe each) for a place candidate that a rule reaches.
 */
import type { TokenScan } from '../text/scan';
import { yearOf } from '../dates';
import { relatedSupport } from './evidence';
import type { Candidate, Matcher } from './matcher';

/** "Bennington, 1777" / "Bennington (1777)" / "Zama 202 BC": the year after a place. */
const YEAR_AFTER = /^\s*[,(]?\s*(\d{3,4})(\s*(?:BC|BCE|B\.C\.))?\b/;
/** Nothing before the place on its line but an item number: "150. ", "3) ". */
const ITEM_START = /(?:^|\n)[ \t]*(?:\d{1,4}[.)][ \t]*)?$/;

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

function hasPlace(matcher: Matcher, c: Candidate): boolean {
  for (let k = 0; k < c.entries.length; k += 2) if (matcher.entity(c.entries[k]!).type === 'place') return true;
  return false;
}

/**
 * The battle that a place heading names ("150. Bennington, 1777" -> Battle of Bennington), when the
 * year after the place is the battle's; undefined otherwise.
 */
export function battleNamedByPlace(matcher: Matcher, text: string, c: Candidate): number | undefined {
  // Called for every candidate: most are followed by a letter or stand mid-line, and leave after one character read.
  const next = text.charCodeAt(c.end);
  if (next !== 44 && next !== 32 && next !== 40) return undefined;
  const before = c.start > 0 ? text.charCodeAt(c.start - 1) : 10;
  if (before !== 10 && before !== 32 && before !== 9) return undefined;
  const year = YEAR_AFTER.exec(text.slice(c.end, c.end + 16));
  if (!year || !ITEM_START.test(text.slice(Math.max(0, c.start - 12), c.start)) || !hasPlace(matcher, c)) return undefined;
  const y = year[2] ? -Number(year[1]) : Number(year[1]);
  return battlesOf(matcher, c.key).find((b) => b.year === y)?.entity;
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
