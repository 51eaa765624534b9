/**
 * A seat of government before a word for a government names the government, not the town: "the
 * Edo administration" is the shogunate, "the Vichy regime" the French State, "the London
 * government" a cabinet. The town's card is the wrong one there; the government's, when the
 * dataset holds it under that form, is found by its own name. Cost: one key read per candidate.
 */
import type { TokenScan } from '../text/scan';
import type { Candidate } from './matcher';

const GOVERNMENT_WORDS = new Set(['government', 'governments', 'administration', 'regime', 'authorities', 'cabinet', 'bakufu']);

/** The candidate is directly followed by a lower-case word for a government ("Edo administration"). */
export function beforeGovernmentWord(tokens: TokenScan, c: Candidate): boolean {
  const next = c.endToken;
  if (next >= tokens.count || tokens.breakBefore(next)) return false;
  const first = tokens.text.charCodeAt(tokens.starts[next]!);
  return first >= 97 && first <= 122 && GOVERNMENT_WORDS.has(tokens.key(next));
}
