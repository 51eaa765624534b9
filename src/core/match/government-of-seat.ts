/**
 * A seat of government before a word for a government ("the Edo administration", "the Vichy regime")
 * names the government, not the town (government-seat.ts rules the town out). Where the dataset says
 * which polity the town was the capital of, and exactly one such polity stood at the page's median
 * year, that polity is the one named: "the Edo administration" on a page about 1853 is the Tokugawa
 * shogunate (1603-1868), whose capital was Edo; the Empire of Japan (from 1868) and an undated Japan
 * are not. With no page year, or two polities of that year, the name stays unlinked.
 * Cost: one key read per candidate; the links of a place only before a word for a government.
 */
import { yearOf } from '../dates';
import { FormFlag } from '../index/format';
import type { Matcher } from './matcher';
import type { Mention } from './mention';
import type { ScannedBlock } from './misspellings';
import { beforeGovernmentWord } from './government-seat';
import { isCapitalised } from './name-shape';
import { encodeWhy, WHY } from './why';

export function governmentsOfSeats(
  blocks: readonly ScannedBlock[],
  taken: readonly Mention[],
  matcher: Matcher,
  year: number | undefined,
): Mention[] {
  if (year === undefined) return [];
  const out: Mention[] = [];
  blocks.forEach(({ text, tokens, candidates }, b) => {
    for (const c of candidates) {
      if (!beforeGovernmentWord(tokens, c) || !isCapitalised(text, tokens, c.firstToken)) continue;
      if (taken.some((m) => m.block === b && m.start < c.end && m.end > c.start)) continue;
      const polity = polityOfSeat(matcher, c.entries, year);
      if (polity !== undefined) out.push({ block: b, start: c.start, end: c.end, id: matcher.idOf(polity), why: encodeWhy(WHY.era, year) });
    }
  });
  return out;
}

/**
 * The one polity that a place among `entries` (held through its own form, not a name part) is the
 * capital of and that stood in `year` (a start on or before it, no end before it); undefined when
 * none or several.
 */
export function polityOfSeat(matcher: Matcher, entries: readonly number[], year: number): number | undefined {
  let found: number | undefined;
  for (let k = 0; k < entries.length; k += 2) {
    if (entries[k + 1]! & (FormFlag.Surname | FormFlag.FirstName) || matcher.entity(entries[k]!).type !== 'place') continue;
    for (const link of matcher.linksOf(entries[k]!)) {
      if (!link.outgoing || link.relation !== 'capital_of' || link.other === found) continue;
      const polity = matcher.entity(link.other);
      const start = yearOf(polity.start);
      const end = yearOf(polity.end);
      if (start === undefined || year < start || (end !== undefined && year > end)) continue;
      if (found !== undefined) return undefined;
      found = link.other;
    }
  }
  return found;
}
