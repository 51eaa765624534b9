import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureMatcher } from '../../../test/fixtures/fixture-index';
import { scan } from '../text/scan';
import { datedHeadings } from './dated-heading';
import type { Matcher } from './matcher';
import { resolveDocument } from './resolve';

let matcher: Matcher;
beforeAll(() => {
  matcher = fixtureMatcher();
});

/** "surface=id" for each battle the headings of `text` name. */
function headings(text: string): string[] {
  const tokens = scan(text);
  return datedHeadings([{ text, tokens, candidates: matcher.candidates(text, tokens) }], matcher).map(
    (m) => `${text.slice(m.start, m.end)}=${m.id}`,
  );
}

describe('datedHeadings', () => {
  it('reads a numbered or plain line "Place, year" as the battle of that place in that year', () => {
    expect(headings('151. Chausa, 1539.—Humayun fled.')).toEqual(['Chausa=battle-of-chausa']);
    expect(headings('[Sidenote: the campaign.]\nChausa, 1539')).toEqual(['Chausa=battle-of-chausa']);
  });
  it('reads a bracketed year and an item number closed by a bracket', () => {
    expect(headings('3) Chausa (1539)\nHumayun fled.')).toEqual(['Chausa=battle-of-chausa']);
    expect(headings('Chausa (1539): the rout')).toEqual(['Chausa=battle-of-chausa']);
    expect(headings('Chausa (1539 and after)')).toEqual([]);
    expect(headings('Chausa (1540)')).toEqual([]);
  });
  it('reads an era word after the year as part of it: a BC year is not the AD one', () => {
    expect(headings('Chausa, 1539 BC.')).toEqual([]);
  });
  it('not in another year, inside running text, or where the year runs on', () => {
    expect(headings('151. Chausa, 1540.—Humayun fled.')).toEqual([]);
    expect(headings('He was born at Chausa, 1539.')).toEqual([]);
    expect(headings('Chausa, 1539 and later')).toEqual([]);
    expect(headings('Liverpool, 1539.')).toEqual([]);
  });
  it('is applied by the resolver', () => {
    const heading = '151. Chausa, 1539.—Humayun fled.';
    expect(resolveDocument([heading], matcher).mentions.map((m) => `${heading.slice(m.start, m.end)}=${m.id}`)).toContain(
      'Chausa=battle-of-chausa',
    );
  });
});
