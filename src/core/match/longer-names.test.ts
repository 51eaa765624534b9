import { describe, expect, it } from 'vitest';
import { linkedWith as linked } from '../../../test/fixtures/wrong-links/fixture';

describe('a longer name the running text writes claims its first word in headings', () => {
  it('does not card the place in a title-case heading that begins the same name', () => {
    expect(linked('The likes of Brooklyn Beckham, Jourdan Dunn and others got engaged.', 'Brooklyn Beckham and Nicola Peltz')).toEqual([]);
  });
  it('keeps the place in a heading when the running text shows no such name', () => {
    expect(linked('They got engaged in the spring.', 'Brooklyn Beckham and Nicola Peltz')).toEqual(['Brooklyn=brooklyn']);
  });
  it('takes no name from a run of capitals (a list of post titles)', () => {
    expect(linked('Recent Posts Professor Chase: Brooklyn In Winter Part II', 'Brooklyn In Winter')).toEqual([
      'Brooklyn=brooklyn',
      'Brooklyn=brooklyn',
    ]);
  });
});
