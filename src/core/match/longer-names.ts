/**
 * A capitalised full name the dataset does not hold claims its parts for the whole page: once the
 * running text writes "Brooklyn Beckham", the heading "Brooklyn Beckham and Nicola Peltz" (where
 * every word is capitalised, so the run-on test cannot tell a name from a title) means him too, not
 * the borough. Pass 1 collects the two-word beginnings of such longer names from blocks that are not
 * title case; a candidate in a title-case block that begins the same pair is part of that name.
 * Cost: O(candidates) once per page, one set lookup per candidate in a title-case block.
 */
import type { TokenScan } from '../text/scan';
import type { Candidate, Matcher } from './matcher';
import { isTitleCase, runsOnIntoName } from './name-shape';
import { LOWER_OK, SENTENCE_WORDS } from './words';

export interface BlockCandidates {
  text: string;
  tokens: TokenScan;
  candidates: readonly Candidate[];
}

function pairAt(tokens: TokenScan, c: Candidate): string | undefined {
  return c.endToken < tokens.count && !tokens.breakBefore(c.endToken) ? `${c.key} ${tokens.key(c.endToken)}` : undefined;
}

/**
 * The running text's longer name is exactly two words, the second no sentence word: "Brooklyn
 * Beckham announced", "Brooklyn Beckham, Craig". A run of capitals ("Trotsky In Mexico Part II", a
 * list of post titles) shows no name.
 */
function twoWordName(text: string, tokens: TokenScan, c: Candidate): boolean {
  const next = c.endToken;
  if (SENTENCE_WORDS.has(tokens.key(next)) || LOWER_OK.has(tokens.key(next))) return false;
  const after = next + 1;
  if (after >= tokens.count || tokens.breakBefore(after)) return true;
  const ch = text[tokens.starts[after]!]!;
  return ch === ch.toLowerCase();
}

/** The "form next-word" pairs that running text on the page shows to be longer unknown names. */
export function longerNamesOnPage(blocks: readonly BlockCandidates[], matcher: Matcher): Set<string> {
  const names = new Set<string>();
  for (const { text, tokens, candidates } of blocks) {
    if (candidates.length === 0 || isTitleCase(text, tokens)) continue;
    for (const c of candidates) {
      if (!runsOnIntoName(text, tokens, c, false, matcher) || !twoWordName(text, tokens, c)) continue;
      const pair = pairAt(tokens, c);
      if (pair) names.add(pair);
    }
  }
  return names;
}

/** The candidate, in a title-case block, begins a longer name the page's running text writes. */
export function beginsLongerNameOfPage(
  tokens: TokenScan,
  c: Candidate,
  blockIsTitleCase: boolean,
  names: ReadonlySet<string> | undefined,
): boolean {
  if (!blockIsTitleCase || !names || names.size === 0) return false;
  const pair = pairAt(tokens, c);
  return pair !== undefined && names.has(pair);
}
