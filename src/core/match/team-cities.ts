/**
 * Sports results name teams by their cities: "Phoenix 102, Milwaukee 88", "Liverpool 2-1". A
 * place written right before a score is a team, and so is every other bare mention of it on the
 * same page ("Phoenix’s 13-3 record", "12 consecutive Chicago points"): a city card there is wrong.
 * Cost: O(candidates) once per page.
 */
import type { TokenScan } from '../text/scan';
import type { Candidate, Matcher } from './matcher';

/** A score right after the name: "102" or "2-1" (never a four-digit year: "Paris 1919" is history). */
const SCORE = /^\s*(\d{1,3}(?:\s*[-–]\s*\d{1,3})?)(?![\d.,]?\d)/;

export interface ScannedCandidates {
  text: string;
  tokens: TokenScan;
  candidates: readonly Candidate[];
}

/** The place entities this page writes before scores, when it does so at least twice (one "Paris 2" proves little). */
export function teamCities(blocks: readonly ScannedCandidates[], matcher: Matcher): Set<number> {
  const seen = new Map<number, number>();
  let scores = 0;
  for (const { text, candidates } of blocks) {
    for (const c of candidates) {
      const after = SCORE.exec(text.slice(c.end, c.end + 12));
      if (!after || /^\s*\d{1,3}\s*(?:%|percent|per cent|years?|miles?|km|men|soldiers|troops)\b/i.test(text.slice(c.end, c.end + 24)))
        continue;
      let place = false;
      for (let k = 0; k < c.entries.length; k += 2) {
        const e = c.entries[k]!;
        if (matcher.entity(e).type !== 'place') continue;
        seen.set(e, (seen.get(e) ?? 0) + 1);
        place = true;
      }
      if (place) scores++;
    }
  }
  return scores >= 2 ? new Set(seen.keys()) : new Set();
}

/**
 * A result in words around a score: "a 2-2 draw", "drew 1-1", "a 128-94 victory", "a 15-4 burst".
 * A bare range ("July 1–3", "8-10 slices", "pages 59-67") has no such word.
 */
const RESULT =
  /\b(?:drew|won|lost|beat|beating|tied|made it)\s+(?:\w+\s+)?\d{1,3}\s*[-–]\s*\d{1,3}\b|\b\d{1,3}\s*[-–]\s*\d{1,3}\s+(?:\w+\s+)?(?:draw|win|victory|defeat|loss|lead|burst|run|record)\b/gi;

/**
 * The page reports sports results: at least two scores written with a result word. There a place
 * with nothing for it but its own name is a team (score.ts). Cost: one regular-expression pass over
 * each block's text, once per page; it stops at the second result.
 */
export function sportsResults(texts: readonly string[]): boolean {
  let results = 0;
  for (const text of texts) {
    RESULT.lastIndex = 0;
    while (RESULT.exec(text)) if (++results >= 2) return true;
  }
  return false;
}
