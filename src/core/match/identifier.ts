/**
 * A name directly followed by a number of six or more digits is part of an identifier, not the
 * thing it names: "Bug 1637059" is a Mozilla bug, not the river Bug (the most frequent wrong link in
 * the readability noise samples of sessions 5 and 6), and the same holds for ticket, case and issue
 * numbers. Six digits leave years and five-digit postal codes ("Paris 75001") alone. Cost: O(1).
 */
import type { TokenScan } from '../text/scan';
import type { Candidate } from './matcher';

export function beforeIdentifierNumber(tokens: TokenScan, c: Candidate): boolean {
  if (c.endToken >= tokens.count) return false;
  // The number must follow the name directly (a space, or "#"), not after a comma or in the next sentence.
  const between = tokens.text.slice(tokens.ends[c.endToken - 1]!, tokens.starts[c.endToken]!);
  return /^\s?#?$/.test(between) && /^\d{6,}$/.test(tokens.key(c.endToken));
}
