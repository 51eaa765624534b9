import { describe, expect, it } from 'vitest';
import { scan } from '../text/scan';
import { beforeIdentifierNumber } from './identifier';
import type { Candidate } from './matcher';

/** A one-token candidate at the first token `word` (the rule reads only positions). */
function at(text: string, word: string): { tokens: ReturnType<typeof scan>; c: Candidate } {
  const tokens = scan(text);
  let i = 0;
  while (tokens.key(i) !== word) i++;
  return { tokens, c: { start: tokens.starts[i]!, end: tokens.ends[i]!, firstToken: i, endToken: i + 1, key: word, entries: [] } };
}
const rule = (text: string, word: string) => {
  const { tokens, c } = at(text, word);
  return beforeIdentifierNumber(tokens, c);
};

describe('a name followed by a long number', () => {
  it('is an identifier: a bug or ticket number', () => {
    expect(rule('Fixed in Bug 1637059 last week.', 'bug')).toBe(true);
    expect(rule('See Bug #1553982 for details.', 'bug')).toBe(true);
  });
  it('leaves years, postal codes, short numbers and numbers further away alone', () => {
    expect(rule('The Bug 1920 offensive.', 'bug')).toBe(false);
    expect(rule('Paris 75001 is the first arrondissement.', 'paris')).toBe(false);
    expect(rule('Apollo 11 landed.', 'apollo')).toBe(false);
    expect(rule('They reached the Bug, 1637059 men in all.', 'bug')).toBe(false);
    expect(rule('They reached the Bug. 1637059 were counted.', 'bug')).toBe(false);
  });
});
