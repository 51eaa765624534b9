import { describe, expect, it } from 'vitest';
import { FormFlag } from '../index/format';
import type { Candidate } from './matcher';
import { soleMultiWordAlias } from './sole-alias';

const candidate = (words: number, entries: number[]): Candidate => ({
  start: 0,
  end: 1,
  firstToken: 3,
  endToken: 3 + words,
  key: 'k',
  entries,
});

describe('soleMultiWordAlias', () => {
  it('holds for a form of two or more words that one entity alone holds', () => {
    expect(soleMultiWordAlias(candidate(2, [7, 0]), 0)).toBe(true);
    expect(soleMultiWordAlias(candidate(3, [7, FormFlag.Acronym]), FormFlag.Acronym)).toBe(true);
  });
  it('not for one word, a shared form, a derived name part, a dictionary word or an era name', () => {
    expect(soleMultiWordAlias(candidate(1, [7, 0]), 0)).toBe(false);
    expect(soleMultiWordAlias(candidate(2, [7, 0, 8, 0]), 0)).toBe(false);
    expect(soleMultiWordAlias(candidate(2, [7, FormFlag.Surname]), FormFlag.Surname)).toBe(false);
    expect(soleMultiWordAlias(candidate(2, [7, FormFlag.CommonWord]), FormFlag.CommonWord)).toBe(false);
    expect(soleMultiWordAlias(candidate(2, [7, FormFlag.EraBound]), FormFlag.EraBound)).toBe(false);
  });
});
