import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureMatcher } from '../../../test/fixtures/fixture-index';
import type { Matcher } from './matcher';
import { resolveDocument } from './resolve';
import { decodeWhy, encodeWhy, WHY } from './why';

let matcher: Matcher;
beforeAll(() => {
  matcher = fixtureMatcher();
});

/** "surface=id why" per linked mention, from the resolver's own evidence. */
function why(...blocks: string[]): string[] {
  return resolveDocument(blocks, matcher).mentions.flatMap((m) =>
    m.id ? [`${blocks[m.block]!.slice(m.start, m.end)}=${m.id} ${m.why ?? '-'}`] : [],
  );
}

describe('why a name was linked', () => {
  it('its own name, with no namesake: no reason on the wire', () => {
    expect(why('Walter Krivitsky wrote.')).toEqual(['Walter Krivitsky=walter-krivitsky -']);
  });
  it('a surname leaning on the full name on the page', () => {
    expect(why('Joseph Hansen went to Mexico.', 'Hansen was a guard.')).toEqual([
      'Joseph Hansen=joseph-hansen -',
      'Hansen=joseph-hansen n',
    ]);
  });
  it('a cue near the name, as the page writes it', () => {
    expect(why('The FBI knew.', 'Hoover, its director, was furious.')[1]).toMatch(/^Hoover=j-edgar-hoover q:/);
    expect(why('Hoover ran the FBI.')).toContain('Hoover=j-edgar-hoover q:FBI');
  });
  it('a title before a dictionary word', () => {
    expect(why('Senator Dies annulled the invitation.')).toEqual(['Dies=martin-dies-jr t']);
  });
  it('the same sense elsewhere on the page, a close misspelling', () => {
    expect(why('In Spain the Popular Front won the Spanish election.', 'Later the Popular Front split.').slice(1)).toEqual([
      expect.stringMatching(/^Popular Front=popular-front-spain [a-z]/),
      'Popular Front=popular-front-spain s',
    ]);
    expect(why('Ramón Mercader struck.', 'They delivered Mercador to the police.')[1]).toBe('Mercador=ramon-mercader m');
  });
  it('every reason on a page decodes, and stays short on the wire', () => {
    const mentions = resolveDocument(
      [
        'Walter Krivitsky met Trotsky in 1937. The FBI and Hoover watched.',
        'Senator Dies annulled it.',
        'Herbert Hoover and J. Edgar Hoover met.',
      ],
      matcher,
    ).mentions;
    for (const m of mentions) if (m.why) expect(decodeWhy(m.why), m.why).toBeDefined();
    expect(encodeWhy(WHY.cue, 'x'.repeat(500)).length).toBeLessThanOrEqual(62);
    expect(encodeWhy(WHY.era, 1939)).toBe('e:1939');
    expect(decodeWhy('e:1939')).toEqual({ code: 'e', arg: '1939' });
    expect(decodeWhy('z')).toBeUndefined();
    expect(decodeWhy('cx')).toBeUndefined();
  });
});
