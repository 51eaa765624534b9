/** The years a page mentions and the span each entity was active, for the era evidence. */
import { yearOf } from '../dates';
import type { MatchEntity } from '../index/format';
import type { TokenScan } from '../text/scan';

/** Years the page mentions (1000-2100; "1930s" counts as 1935), sorted. Cost: O(tokens), keys built only for 4-5 character tokens starting 1 or 2. */
export function pageYears(scans: readonly TokenScan[]): number[] {
  const years: number[] = [];
  for (const s of scans) {
    for (let t = 0; t < s.count; t++) {
      const len = s.lengths[t]!;
      if (len !== 4 && len !== 5) continue;
      const first = s.text.charCodeAt(s.starts[t]!);
      if (first !== 49 && first !== 50) continue; // '1' or '2': skip building keys for other words
      const key = s.key(t);
      if (len === 4 && /^(1\d|20)\d\d$/.test(key)) years.push(Number(key));
      else if (len === 5 && /^(1\d|20)\d0s$/.test(key)) years.push(Number(key.slice(0, 4)) + 5);
    }
  }
  return years.sort((a, b) => a - b);
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
