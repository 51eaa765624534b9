/** The years a page mentions and the span each entity was active, for the era evidence. */
import { yearOf } from '../dates';
import type { MatchEntity } from '../index/format';
import type { TokenScan } from '../text/scan';

/** Era words after a number: "44 BC", "1274 BCE", "AD 70" / "70 AD". */
const BC = new Set(['bc', 'bce']);
const AD = new Set(['ad', 'ce']);
const CENTURY = /^(\d{1,2})(?:st|nd|rd|th)$/;

/**
 * Years the page mentions, sorted: four-digit years 1000-2100, decades ("1930s" counts as 1935),
 * years written with an era ("1274 BCE" is -1274, "AD 70" is 70) and centuries ("the 5th century
 * BC" counts as -450). Cost: O(tokens); keys are built only for tokens that start with a digit and
 * for the token after a number.
 */
export function pageYears(scans: readonly TokenScan[]): number[] {
  const years: number[] = [];
  for (const s of scans) {
    for (let t = 0; t < s.count; t++) {
      const first = s.text.charCodeAt(s.starts[t]!);
      if (first < 48 || first > 57) continue; // only tokens that start with a digit
      const len = s.lengths[t]!;
      if (len > 5) continue;
      const key = s.key(t);
      const next = t + 1 < s.count ? s.key(t + 1) : '';
      const prev = t > 0 ? s.key(t - 1) : '';
      if (/^\d{1,4}$/.test(key)) {
        const n = Number(key);
        const bcDotted = next === 'b' && t + 2 < s.count && s.key(t + 2) === 'c'; // "B.C."
        if (BC.has(next) || bcDotted) years.push(-n);
        else if (AD.has(next) || prev === 'ad') years.push(n);
        else if (len === 4 && n >= 1000 && n <= 2100) years.push(n);
        continue;
      }
      if (len === 5 && /^(1\d|20)\d0s$/.test(key)) {
        years.push(Number(key.slice(0, 4)) + 5);
        continue;
      }
      const century = CENTURY.exec(key);
      if (century && next === 'century') {
        const n = Number(century[1]);
        const era = t + 2 < s.count ? s.key(t + 2) : '';
        years.push(BC.has(era) ? -(n * 100 - 50) : n * 100 - 50);
      }
    }
  }
  return years.sort((a, b) => a - b);
}

/**
 * The era an entity's era names belong to: from its start to its end, open where one is missing
 * ("Ancient Carthage" ends in 146 BC; before that, "Carthage" on a page is it).
 */
export function eraOf(e: MatchEntity): [number, number] | undefined {
  const from = yearOf(e.start);
  const to = yearOf(e.end);
  if (from === undefined && to === undefined) return undefined;
  return [from ?? -Infinity, to ?? Infinity];
}

/** Years an entity was alive or active: a person from about 15 until death; undefined when undated. */
export function activeSpan(e: MatchEntity): [number, number] | undefined {
  const person = e.type === 'person';
  const born = yearOf(e.born);
  const from = person ? (born !== undefined ? born + 15 : undefined) : yearOf(e.start);
  const to = person ? yearOf(e.died) : yearOf(e.end);
  if (from === undefined && to === undefined) return undefined;
  return [from ?? to! - 60, to ?? from! + 80];
}
