/**
 * Close misspellings of a name already on the page ("Mercador" beside "Mercader"): a capitalised
 * word of at least six letters, not itself a known form, one edit away from exactly one single-word
 * form of exactly one entity linked on the page. Cost: only capitalised unknown words are compared,
 * against the page's own names (dozens), so it stays O(tokens).
 * The same holds for the last word of a linked entity's own name of several words when the words
 * before it are written exactly ("the Peace of Westpahlia" beside "the Peace of Westphalia"); such a
 * mention never overlaps one already decided (`taken`).
 */
import type { TokenScan } from '../text/scan';
import type { Candidate, Matcher } from './matcher';
import type { Mention } from './mention';
import { nameKey } from '../text/tokens';
import { isCapitalised } from './name-shape';
import { encodeWhy, WHY } from './why';

export interface ScannedBlock {
  text: string;
  tokens: TokenScan;
  /** The block's candidates, in token order. */
  candidates: readonly Candidate[];
}

export function misspellings(
  blocks: readonly ScannedBlock[],
  linkedIds: ReadonlySet<string>,
  matcher: Matcher,
  taken: readonly Mention[] = [],
): Mention[] {
  if (linkedIds.size === 0) return [];
  // Single-word forms of the entities linked on the page that name only that entity.
  const pageKeys = new Map<string, string>();
  // Own names of several words, as their word keys, whose last word is long enough to misspell.
  const pageNames: { words: string[]; id: string }[] = [];
  for (const id of linkedIds) {
    for (const key of matcher.singleWordForms(id)) if (key.length >= 6) pageKeys.set(key, id);
    const i = matcher.indexOf(id);
    const words = i === undefined ? [] : nameKey(matcher.entity(i).name).split(' ');
    if (words.length >= 2 && words[words.length - 1]!.length >= 6) pageNames.push({ words, id });
  }
  if (pageKeys.size === 0 && pageNames.length === 0) return [];
  const out: Mention[] = [];
  blocks.forEach(({ text, tokens, candidates }, b) => {
    let ci = 0;
    for (let t = 0; t < tokens.count; t++) {
      while (ci < candidates.length && candidates[ci]!.endToken <= t) ci++;
      if (ci < candidates.length && candidates[ci]!.firstToken <= t) continue;
      if (tokens.lengths[t]! < 6 || !isCapitalised(text, tokens, t) || cutOff(text, tokens, t)) continue;
      const key = tokens.key(t);
      if (matcher.lookup(key)) continue;
      let match: string | undefined;
      let count = 0;
      for (const [pageKey, id] of pageKeys) {
        // A suffix added or dropped is a different word (American, Stalins), not a misspelling.
        if (pageKey[0] !== key[0] || key.startsWith(pageKey) || pageKey.startsWith(key) || !withinOneEdit(key, pageKey)) continue;
        if (match !== id) count++;
        match = id;
      }
      if (count === 1 && match) {
        out.push({ block: b, start: tokens.starts[t]!, end: tokens.ends[t]!, id: match, why: encodeWhy(WHY.misspelling) });
        continue;
      }
      const name = misspeltName(tokens, t, key, pageNames);
      if (!name) continue;
      const start = tokens.starts[t - name.words.length + 1]!;
      if (taken.some((m) => m.block === b && m.start < tokens.ends[t]! && m.end > start)) continue;
      out.push({ block: b, start, end: tokens.ends[t]!, id: name.id, why: encodeWhy(WHY.misspelling) });
    }
  });
  return out;
}

/**
 * The one page name of several words whose last word token `t` (key `key`) misspells, the words
 * before it written exactly and unbroken; undefined when none or several entities fit.
 */
function misspeltName(
  tokens: TokenScan,
  t: number,
  key: string,
  names: readonly { words: string[]; id: string }[],
): { words: string[]; id: string } | undefined {
  let found: { words: string[]; id: string } | undefined;
  for (const name of names) {
    const n = name.words.length;
    if (t - n + 1 < 0 || found?.id === name.id) continue;
    const last = name.words[n - 1]!;
    if (last[0] !== key[0] || key.startsWith(last) || last.startsWith(key) || !withinOneEdit(key, last)) continue;
    let same = true;
    for (let k = 0; k < n - 1 && same; k++) same = tokens.key(t - n + 1 + k) === name.words[k] && !tokens.breakBefore(t - n + 2 + k);
    if (!same) continue;
    if (found) return undefined;
    found = name;
  }
  return found;
}

/**
 * The block's last word, with nothing after it but an ellipsis: a word cut off by a preview or an
 * excerpt ("it fell to the Carthagi…"), not a misspelling.
 */
function cutOff(text: string, tokens: TokenScan, t: number): boolean {
  return t === tokens.count - 1 && /^(?:\s*(?:…|\.\.\.))?\s*$/.test(text.slice(tokens.ends[t]!));
}

/** Damerau-Levenshtein distance at most 1 (one substitution, insertion, deletion or swap). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
