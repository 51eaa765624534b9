import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureMatcher } from '../../../test/fixtures/fixture-index';
import type { Matcher } from './matcher';
import { resolveDocument } from './resolve';

let matcher: Matcher;
beforeAll(() => {
  matcher = fixtureMatcher();
});

const linked = (...blocks: string[]) =>
  resolveDocument(blocks, matcher).mentions.map((m) => `${blocks[m.block]!.slice(m.start, m.end)}=${m.id ?? m.candidates!.join('|')}`);

describe('misspellings', () => {
  it('takes no word cut off at the end of a text for a misspelling', () => {
    expect(linked('Ramón Mercader struck.', 'They delivered him to Mercadea')).toEqual(['Ramón Mercader=ramon-mercader']);
    expect(linked('Ramón Mercader struck.', 'They delivered him to Mercadea…')).toEqual(['Ramón Mercader=ramon-mercader']);
  });
  it('still reads a whole word at the end of a text', () => {
    expect(linked('Ramón Mercader struck.', 'They delivered Mercador.')).toEqual([
      'Ramón Mercader=ramon-mercader',
      'Mercador=ramon-mercader',
    ]);
  });
});
