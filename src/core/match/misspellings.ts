/**
 * Close misspellings of a name already on the page ("Mercador" beside "Mercader"): a capitalised
 * word of at least six letters, not itself a known form, one edit away from exactly one single-word
 * form of exactly one entity linked on the page. Cost: only capitalised unknown words are compared,
 * against the page's own names (dozens), so it stays O(tokens).
 */
import type { TokenScan } from '../text/scan';
import type { Candidate, Matcher } from './matcher';
import type { Mention } from './mention';
import { isCapitalised } from './name-shape';
import { encodeWhy, WHY } from './why';

export interface ScannedBlock {
  text: string;
  tokens: TokenScan;
  /** The block's candidates, in token order. */
  candidates: readonly Candidate[];
}

export function misspellings(blocks: readonly ScannedBlock[], linkedIds: ReadonlySet<string>, matcher: Matcher): Mention[] {
  if (linkedIds.size === 0) return [];
  // Single-word forms of the entities linked on the page that name only that entity.
  const pageKeys = new Map<string, string>();
  for (const id of linkedIds) {
    for (const key of matcher.singleWordForms(id)) if (key.length >= 6) pageKeys.set(key, id);
  }
  if (pageKeys.size === 0) return [];
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
      if (count === 1 && match)
        out.push({ block: b, start: tokens.starts[t]!, end: tokens.ends[t]!, id: match, why: encodeWhy(WHY.misspelling) });
    }
  });
  return out;
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
