/**
 * A short name that the words after it complete: "students from Bennett, a historically black
 * women’s college in Greensboro" names Bennett College. A capitalised word (or two) left unlinked,
 * followed by a comma and "a", "an" or "the", names the one entity whose own form is that word plus
 * the head noun of the phrase after the article: its last word before a comma, a full stop or a
 * function word ("in", "that", "founded"...). "Smith, a college friend" keeps "friend" as its head,
 * so Smith College is not named; a head that completes no form of the dataset, or forms of two
 * entities, names nothing.
 * Cost: one pass over the tokens per page; only a capitalised word before ", a" (rare) reads the
 * next few tokens and probes the table once.
 */
import { FormFlag } from '../index/format';
import type { TokenScan } from '../text/scan';
import type { Matcher } from './matcher';
import type { Mention } from './mention';
import type { ScannedBlock } from './misspellings';
import { isCapitalised } from './name-shape';
import { encodeWhy, WHY } from './why';

const ARTICLES = new Set(['a', 'an', 'the']);
/** Words that end a noun phrase: what comes after them is no longer its head. */
const PHRASE_ENDS = new Set([
  'in',
  'of',
  'at',
  'on',
  'for',
  'from',
  'with',
  'by',
  'near',
  'to',
  'and',
  'or',
  'but',
  'that',
  'which',
  'who',
  'whose',
  'whom',
  'where',
  'when',
  'founded',
  'established',
  'built',
  'named',
  'since',
  'until',
  'is',
  'was',
]);
/** Words of the phrase at most, article excluded ("a historically black women’s college": four). */
const MAX_PHRASE = 6;

export function appositiveNames(blocks: readonly ScannedBlock[], taken: readonly Mention[], matcher: Matcher): Mention[] {
  const out: Mention[] = [];
  blocks.forEach(({ text, tokens }, b) => {
    for (let t = 1; t < tokens.count; t++) {
      // Token t is the article after the comma; the name ends right before it.
      if (
        !tokens.breakBefore(t) ||
        tokens.lengths[t]! > 3 ||
        !ARTICLES.has(tokens.key(t)) ||
        text.slice(tokens.ends[t - 1], tokens.starts[t]).trim() !== ','
      )
        continue;
      const head = headNoun(text, tokens, t + 1);
      if (head === undefined) continue;
      for (const words of [1, 2]) {
        const first = t - words;
        if (first < 0 || (words === 2 && tokens.breakBefore(t - 1))) break;
        if (!isCapitalised(text, tokens, first) || (words === 2 && !isCapitalised(text, tokens, t - 1))) break;
        const start = tokens.starts[first]!;
        const end = tokens.ends[t - 1]!;
        if (taken.some((m) => m.block === b && m.start < end && m.end > start)) break;
        let key = '';
        for (let k = first; k < t; k++) key += `${tokens.key(k)} `;
        const id = soleOwnHolder(matcher.lookup(key + tokens.key(head)), matcher);
        if (id) {
          // The card's reason: the head noun that completes the name ("near: college").
          out.push({ block: b, start, end, id, why: encodeWhy(WHY.cue, text.slice(tokens.starts[head], tokens.ends[head])) });
          break;
        }
      }
    }
  });
  return out;
}

/**
 * The head of the noun phrase that starts at token `from`: its last lower-case word before a break
 * (a comma, a full stop) or a word that ends a phrase, within MAX_PHRASE words; undefined when the
 * phrase runs on or its last word is capitalised.
 */
export function headNoun(text: string, tokens: TokenScan, from: number): number | undefined {
  let last: number | undefined;
  for (let t = from; t < tokens.count && t < from + MAX_PHRASE + 1; t++) {
    if (t > from && tokens.breakBefore(t)) return last;
    if (PHRASE_ENDS.has(tokens.key(t))) return last;
    last = isCapitalised(text, tokens, t) ? undefined : t;
    if (t === tokens.count - 1) return last;
  }
  return undefined;
}

/** The one entity that holds the form as its own name or alias (not a derived name part). */
function soleOwnHolder(entries: readonly number[] | undefined, matcher: Matcher): string | undefined {
  let found: number | undefined;
  for (let k = 0; entries && k < entries.length; k += 2) {
    if (entries[k + 1]! & (FormFlag.Surname | FormFlag.FirstName | FormFlag.EraBound) || entries[k] === found) continue;
    if (found !== undefined) return undefined;
    found = entries[k];
  }
  return found === undefined ? undefined : matcher.idOf(found);
}
