/**
 * A sole multi-word alias: a form of two or more words that one entity alone holds, through its
 * own aliases (not a derived name part, not a dictionary word). It names that entity as surely as
 * its own name does ("St Cuthbert", "John VIII Palaeologus"), so, like the own name, it needs
 * nothing else on the page when the page's years are far from the entity's. Shared aliases ("the
 * Persian Empire" of several empires) and one-word ones still do, and so do forms that are not
 * plainly words apart: initials ("B.V."), numbers ("The 45"), hyphenated compounds ("Inspector-General"),
 * which ordinary text uses for other things. O(words of the form).
 */
import { FormFlag } from '../index/format';
import type { TokenScan } from '../text/scan';
import type { Candidate } from './matcher';

export function soleMultiWordAlias(c: Candidate, flags: number, tokens: TokenScan): boolean {
  if (c.entries.length !== 2 || c.endToken - c.firstToken < 2) return false;
  if (flags & (FormFlag.Surname | FormFlag.FirstName | FormFlag.CommonWord | FormFlag.EraBound | FormFlag.Acronym)) return false;
  for (let t = c.firstToken; t < c.endToken; t++) {
    if (!/^\p{L}{2,}$/u.test(tokens.key(t))) return false;
    if (t > c.firstToken && !/^\s+$/.test(tokens.text.slice(tokens.ends[t - 1]!, tokens.starts[t]!))) return false;
  }
  return true;
}
