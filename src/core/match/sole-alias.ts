/**
 * A sole multi-word alias: a form of two or more words that one entity alone holds, through its
 * own aliases (not a derived name part, not a dictionary word). It names that entity as surely as
 * its own name does ("St Cuthbert", "John VIII Palaeologus"), so, like the own name, it needs
 * nothing else on the page when the page's years are far from the entity's. Shared aliases ("the
 * Persian Empire" of several empires) and one-word ones still do. O(1).
 */
import { FormFlag } from '../index/format';
import type { Candidate } from './matcher';

export function soleMultiWordAlias(c: Candidate, flags: number): boolean {
  return (
    c.entries.length === 2 &&
    c.endToken - c.firstToken >= 2 &&
    (flags & (FormFlag.Surname | FormFlag.FirstName | FormFlag.CommonWord | FormFlag.EraBound)) === 0
  );
}
