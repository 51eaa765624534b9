import { describe, expect, it } from 'vitest';
import { FormFlag } from '../index/format';
import { scan } from '../text/scan';
import type { Candidate } from './matcher';
import { soleMultiWordAlias } from './sole-alias';

/** Whether the whole of `text`, held by the given entries and matched with `flags`, is a sole multi-word alias. */
function sole(text: string, entries: number[] = [7, 0], flags = 0): boolean {
  const tokens = scan(text);
  const c: Candidate = { start: 0, end: text.length, firstToken: 0, endToken: tokens.count, key: 'k', entries };
  return soleMultiWordAlias(c, flags, tokens);
}

describe('soleMultiWordAlias', () => {
  it('holds for words apart that one entity alone holds', () => {
    expect(sole('St Cuthbert')).toBe(true);
    expect(sole('John VIII Palaeologus')).toBe(true);
  });
  it('not for one word, a shared form, a derived name part, a dictionary word, an era name or an acronym', () => {
    expect(sole('Cuthbert')).toBe(false);
    expect(sole('St Cuthbert', [7, 0, 8, 0])).toBe(false);
    expect(sole('St Cuthbert', [7, FormFlag.Surname], FormFlag.Surname)).toBe(false);
    expect(sole('St Cuthbert', [7, FormFlag.CommonWord], FormFlag.CommonWord)).toBe(false);
    expect(sole('St Cuthbert', [7, FormFlag.EraBound], FormFlag.EraBound)).toBe(false);
    expect(sole('St Cuthbert', [7, FormFlag.Acronym], FormFlag.Acronym)).toBe(false);
  });
  it('not for initials, numbers or hyphenated compounds', () => {
    expect(sole('B.V.')).toBe(false);
    expect(sole('The 45')).toBe(false);
    expect(sole('Inspector-General')).toBe(false);
  });
});
