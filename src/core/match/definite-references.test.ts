import { describe, expect, it } from 'vitest';
import { linkedWith as linked } from '../../../test/fixtures/wrong-links/fixture';
import { scan } from '../text/scan';
import { headAfterThe } from './definite-references';

/** headAfterThe for the first token `word` of `text`. */
function head(text: string, word: string): boolean {
  const tokens = scan(text);
  let t = 0;
  while (tokens.key(t) !== word) t++;
  return headAfterThe(text, tokens, t);
}

describe('a name cut down to its head after "the"', () => {
  it('refers back to the one entity named earlier that is also called "<head> of <the rest>"', () => {
    expect(linked('The Peace of Westphalia ended the war in 1648. The Treaty also recognized the Swiss.')).toEqual([
      'Peace of Westphalia=peace-of-westphalia',
      'Treaty=peace-of-westphalia',
    ]);
  });
  it('refers back to the one entity named earlier whose name begins with that title or noun', () => {
    expect(linked('In 1913 Archduke Franz Ferdinand of Austria visited Sarajevo.', 'Photograph of the Archduke and his wife.')).toEqual([
      'Archduke Franz Ferdinand of Austria=archduke-franz-ferdinand',
      'Archduke=archduke-franz-ferdinand',
    ]);
    expect(linked('In 1777 the Battle of Bennington was won by John Stark. The Battle lasted a day.')).toEqual([
      'Battle of Bennington=battle-of-bennington',
      'John Stark=john-stark',
      'Battle=battle-of-bennington',
    ]);
  });
  it('names the one "<head> of <place>" event of the sentence’s year, the place named in the sentence', () => {
    expect(linked('Union was sought, and the Council held in 1439 resulted in the proclamation, in Florence, of the union.')).toEqual([
      'Council=council-of-florence',
      'Florence=florence',
    ]);
  });
  it('leaves the head alone with nothing named before it, or two entities it could be', () => {
    expect(linked('The Treaty also recognized the Swiss. The Peace of Westphalia came in 1648.')).toEqual([
      'Peace of Westphalia=peace-of-westphalia',
    ]);
    expect(linked('The Peace of Westphalia was signed in 1648 and the Treaty of Paris in 1763. The Treaty was long.')).toEqual([
      'Peace of Westphalia=peace-of-westphalia',
      'Treaty of Paris=treaty-of-paris-1763',
    ]);
  });
  it('leaves a modifier alone: the first word of a name that is not its head', () => {
    expect(linked('The Mohawk Valley was settled early. The settlers on the Mohawk marched.')).toEqual(['Mohawk Valley=mohawk-valley']);
  });
  it('leaves a council alone outside the event’s years, or in a sentence of two years', () => {
    expect(linked('In Florence the Council held in 1500 met again.')).toEqual(['Florence=florence']);
    expect(linked('In Florence the Council held in 1439 and 1440 met again.')).toEqual(['Florence=florence']);
  });
  it('names the one "<year> <place> <noun>" event for "the <year> <noun>", the place named on the page', () => {
    expect(linked('We walked through Lisbon, rebuilt after the 1755 earthquake.')).toEqual([
      'Lisbon=lisbon',
      '1755 earthquake=1755-lisbon-earthquake',
    ]);
  });
  it('leaves "the <year> <noun>" alone without the place on the page, or for another year', () => {
    expect(linked('We walked through a town rebuilt after the 1755 earthquake.')).toEqual([]);
    expect(linked('We walked through Lisbon, rebuilt after the 1756 earthquake.')).toEqual(['Lisbon=lisbon']);
  });
  it('reads only a capitalised word after "the" that begins no longer name', () => {
    expect(head('copies of the Treaty were read', 'treaty')).toBe(true);
    expect(head('the Archduke Franz Ferdinand', 'archduke')).toBe(false);
    expect(head('the Treaty of Paris', 'treaty')).toBe(false);
    expect(head('the NBA season', 'nba')).toBe(false);
    expect(head('the treaty was read', 'treaty')).toBe(false);
  });
});
