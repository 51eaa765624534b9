/**
 * Rivers named without "River": "The settlers on the Mohawk marched" is the Mohawk River. A
 * capitalised word after "the" that is no form of the dataset and begins no longer name
 * (definite-references.ts headAfterThe) names the one place whose own form is "<word> River", when
 * a place related to that river (the region it flows through) is linked on the page: the Mohawk
 * River lies in New York, which the page names. A ship's name stays a ship's ("frigates, the
 * Susquehanna and the Plymouth", ship-names.ts), and a river with nothing on the page stays unnamed.
 * Cost: one pass over the tokens per page; only capitalised unknown words after "the" (a few per
 * page) probe the table once and read the river's relations.
 */
import { FormFlag } from '../index/format';
import type { Decided } from './decide';
import type { Candidate, Matcher } from './matcher';
import type { Mention } from './mention';
import type { ScannedBlock } from './misspellings';
import { headAfterThe } from './definite-references';
import { isTitleCase } from './name-shape';
import { shipNameAt } from './ship-names';
import { encodeWhy, WHY } from './why';

export function riverNames(
  blocks: readonly ScannedBlock[],
  decided: readonly Decided[],
  taken: readonly Mention[],
  matcher: Matcher,
): Mention[] {
  const onPage = new Set<number>();
  for (const m of decided) {
    const i = m.id && m.explicit ? matcher.indexOf(m.id) : undefined;
    if (i !== undefined) onPage.add(i);
  }
  if (onPage.size === 0) return [];
  const out: Mention[] = [];
  blocks.forEach(({ text, tokens }, b) => {
    let titleCase: boolean | undefined;
    for (let t = 1; t < tokens.count; t++) {
      if (!headAfterThe(text, tokens, t)) continue;
      // Headings capitalise every word: a capital there is no name.
      if ((titleCase ??= isTitleCase(text, tokens))) return;
      const start = tokens.starts[t]!;
      const end = tokens.ends[t]!;
      const key = tokens.key(t);
      if (matcher.lookup(key) || taken.some((m) => m.block === b && m.start < end && m.end > start)) continue;
      const at: Candidate = { start, end, firstToken: t, endToken: t + 1, key, entries: [] };
      if (shipNameAt(tokens, at)) continue;
      const river = soleRiver(matcher.lookup(`${key} river`), matcher);
      const near = river === undefined ? undefined : matcher.neighbours(river).find((n) => onPage.has(n));
      if (river !== undefined && near !== undefined)
        out.push({ block: b, start, end, id: matcher.idOf(river), why: encodeWhy(WHY.related, matcher.entity(near).name) });
    }
  });
  return out;
}

/** The one place holding "<word> river" as its own form (not a name part). */
function soleRiver(entries: readonly number[] | undefined, matcher: Matcher): number | undefined {
  let found: number | undefined;
  for (let k = 0; entries && k < entries.length; k += 2) {
    if (entries[k + 1]! & (FormFlag.Surname | FormFlag.FirstName) || matcher.entity(entries[k]!).type !== 'place' || entries[k] === found)
      continue;
    if (found !== undefined) return undefined;
    found = entries[k];
  }
  return found;
}
