import { describe, expect, it } from 'vitest';
import { linkedWith as linked } from '../../../test/fixtures/wrong-links/fixture';
import { scan } from '../text/scan';
import { headNoun } from './appositive';

/** The head noun headNoun finds for the phrase after the first "a" of `text`, as written. */
function head(text: string): string | undefined {
  const tokens = scan(text);
  let t = 0;
  while (tokens.key(t) !== 'a') t++;
  const h = headNoun(text, tokens, t + 1);
  return h === undefined ? undefined : text.slice(tokens.starts[h], tokens.ends[h]);
}

describe('a short name completed by the phrase after it', () => {
  it('names the one entity whose own name is the short name and the phrase’s head noun', () => {
    expect(linked('In 1960 students came from Bennett, a historically black women’s college in Greensboro.')).toEqual([
      'Bennett=bennett-college',
    ]);
  });
  it('leaves a name alone when the head noun is another word, or completes no form', () => {
    expect(linked('In 1960 she met Smith, a college friend, at home.')).toEqual([]);
    expect(linked('In 1960 students came from Harper, a college in Ohio.')).toEqual([]);
    expect(linked('In 1960 students came from Bennett, a town in Ohio.')).toEqual([]);
  });
  it('adds nothing where the full name is written', () => {
    expect(linked('In 1960 students came from Bennett College, a women’s college.')).toEqual(['Bennett College=bennett-college']);
  });
  it('takes the last word of the phrase before a comma or a word that ends it', () => {
    expect(head('Bennett, a historically black women’s college in Greensboro')).toBe('college');
    expect(head('Smith, a college friend, said')).toBe('friend');
    expect(head('Bennett, a college.')).toBe('college');
    expect(head('Bennett, a Methodist Foundation')).toBeUndefined();
  });
});
