import { describe, expect, it } from 'vitest';
import { linkedWith as linked } from '../../../test/fixtures/wrong-links/fixture';

describe('a ruler named by their style, "the <Title> of <Place>"', () => {
  it('names the one person of the page whose name ends in "of <Place>" and whom the page gives that title', () => {
    expect(linked('In 1885 the Congo was supervised by the King of Belgium.', 'King Leopold named it a free state.')).toEqual([
      'King of Belgium=leopold-ii',
      'King Leopold=leopold-ii',
    ]);
    expect(linked('In 1530 King Henry VIII of England ruled, and the King of England wanted a son.')).toEqual([
      'Henry VIII of England=henry-viii',
      'King of England=henry-viii',
    ]);
  });
  it('leaves the style alone when the page gives the person another title or none', () => {
    expect(linked('In 1530 Henry VIII of England ruled, and the Queen of England wept.')).toEqual(['Henry VIII of England=henry-viii']);
    expect(linked('In 1530 Henry VIII of England ruled, and the King of England wanted a son.')).toEqual([
      'Henry VIII of England=henry-viii',
    ]);
  });
  it('leaves the style alone with two such rulers on the page, or none', () => {
    expect(
      linked('In 1905 King Leopold met his nephew King Albert at the palace, and later that day the King of Belgium spoke to the crowd.'),
    ).toEqual(['King Leopold=leopold-ii', 'King Albert=albert-i']);
    expect(linked('In 1885 the King of Belgium spoke.')).toEqual([]);
  });
});
