import { describe, expect, it } from 'vitest';
import { linkedWith as linked } from '../../../test/fixtures/wrong-links/fixture';
import { scan } from '../text/scan';
import { afterQuantity } from './quiet-places';
import type { Candidate } from './matcher';

/** A one-token candidate at token `i` (the rule reads only positions). */
function at(text: string, word: string): { tokens: ReturnType<typeof scan>; c: Candidate } {
  const tokens = scan(text);
  let i = 0;
  while (tokens.key(i) !== word) i++;
  return { tokens, c: { start: tokens.starts[i]!, end: tokens.ends[i]!, firstToken: i, endToken: i + 1, key: word, entries: [] } };
}

describe('a place measured by a quantity on a page with no history', () => {
  it('is an ingredient, not linked', () => {
    expect(linked('Whisk 2 teaspoons of Dijon mustard with the oil.')).toEqual([]);
    expect(linked('Add 1/2 cup of Dijon to taste.')).toEqual([]);
  });
  it('is linked where the page has history, or no quantity measures it', () => {
    expect(linked('In 1477 the Kingdom of France took 2 quarters of Dijon.')).toEqual(['Kingdom of France=france-fixture', 'Dijon=dijon']);
    expect(linked('We spent a weekend in Dijon.')).toEqual(['Dijon=dijon']);
  });
  it('reads a number, a unit and "of" before the name', () => {
    const yes = at('2 teaspoons of Dijon', 'dijon');
    expect(afterQuantity(yes.tokens, yes.c)).toBe(true);
    const no = at('a part of Dijon', 'dijon');
    expect(afterQuantity(no.tokens, no.c)).toBe(false);
  });
});
