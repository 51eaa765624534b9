import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureMatcher } from '../../test/fixtures/fixture-index';
import {
  correctionId,
  correctionProblem,
  correctionsForPage,
  correctionsFromChoices,
  makeCorrection,
  type Correction,
  type CorrectionScope,
} from './corrections';
import type { Matcher } from './match/matcher';
import { resolveDocument } from './match/resolve';

let matcher: Matcher;
beforeAll(() => {
  matcher = fixtureMatcher();
});

const PAGE = 'https://history.example/1940/fbi.html';
const OTHER_PAGE = 'https://history.example/1940/other.html';
const OTHER_SITE = 'https://elsewhere.example/post';

const fix = (scope: CorrectionScope, entityId: string | null, key = 'hoover', url = PAGE): Correction =>
  makeCorrection({ key, surface: 'Hoover', scope, url, entityId, now: 1000 });

/** "surface=id" (or "surface?a|b") per mention, with the corrections that apply on `url`. */
function linked(url: string, corrections: Correction[], ...blocks: string[]): string[] {
  return resolveDocument(blocks, matcher, { corrections: correctionsForPage(corrections, url) }).mentions.map((m) => {
    const surface = blocks[m.block]!.slice(m.start, m.end);
    return m.id ? `${surface}=${m.id}` : `${surface}?${m.candidates!.join('|')}`;
  });
}

const FBI_PAGE = ['The FBI knew.', 'Hoover, its director, was furious.'];

describe('corrections in the resolver', () => {
  it('without corrections, the cue decides (the baseline the corrections change)', () => {
    expect(linked(PAGE, [], ...FBI_PAGE)).toEqual(['FBI=fbi', 'Hoover=j-edgar-hoover']);
  });
  it('a correction overrides the resolver, in every scope, and says so', () => {
    for (const scope of ['page', 'site', 'everywhere'] as const) {
      expect(linked(PAGE, [fix(scope, 'herbert-hoover')], ...FBI_PAGE)).toEqual(['FBI=fbi', 'Hoover=herbert-hoover']);
    }
    const { mentions } = resolveDocument(FBI_PAGE, matcher, { corrections: correctionsForPage([fix('page', 'herbert-hoover')], PAGE) });
    expect(mentions[1]).toMatchObject({ id: 'herbert-hoover', why: 'c' });
  });
  it('links a form the resolver would have dropped, when the reader says which entity it is', () => {
    expect(linked(PAGE, [], 'Hoover was there.')).toEqual([]);
    expect(linked(PAGE, [fix('everywhere', 'herbert-hoover')], 'Hoover was there.')).toEqual(['Hoover=herbert-hoover']);
  });
  it('settles an ambiguous mention (a pick among namesakes is a page correction)', () => {
    const page = ['Herbert Hoover and J. Edgar Hoover met.', 'Hoover spoke first.'];
    expect(linked(PAGE, [], ...page)[2]).toBe('Hoover?herbert-hoover|j-edgar-hoover');
    expect(linked(PAGE, [fix('page', 'j-edgar-hoover')], ...page)[2]).toBe('Hoover=j-edgar-hoover');
  });
  it('"not a name here" removes the mark, and only for that form', () => {
    expect(linked(PAGE, [fix('page', null)], ...FBI_PAGE)).toEqual(['FBI=fbi']);
    expect(linked(PAGE, [fix('page', null, 'fbi')], ...FBI_PAGE)).toEqual(['Hoover=j-edgar-hoover']);
  });
  it('applies each scope only where it belongs: the page, the hostname, everywhere', () => {
    const page = [fix('page', 'herbert-hoover')];
    const site = [fix('site', 'herbert-hoover')];
    const everywhere = [fix('everywhere', 'herbert-hoover')];
    expect(linked(`${PAGE}#section-2`, page, ...FBI_PAGE)[1]).toBe('Hoover=herbert-hoover');
    expect(linked(OTHER_PAGE, page, ...FBI_PAGE)[1]).toBe('Hoover=j-edgar-hoover');
    expect(linked(OTHER_PAGE, site, ...FBI_PAGE)[1]).toBe('Hoover=herbert-hoover');
    expect(linked(OTHER_SITE, site, ...FBI_PAGE)[1]).toBe('Hoover=j-edgar-hoover');
    expect(linked(OTHER_SITE, everywhere, ...FBI_PAGE)[1]).toBe('Hoover=herbert-hoover');
  });
  it('precedence: page over site over everywhere, whatever the order they are stored in', () => {
    const all = [fix('everywhere', null), fix('site', 'herbert-hoover'), fix('page', 'j-edgar-hoover')];
    for (const order of [all, [...all].reverse()]) {
      expect(correctionsForPage(order, PAGE).get('hoover')).toBe('j-edgar-hoover');
      expect(correctionsForPage(order, OTHER_PAGE).get('hoover')).toBe('herbert-hoover');
      expect(correctionsForPage(order, OTHER_SITE).get('hoover')).toBeNull();
    }
  });
  it('undo: without the correction the resolver decides again', () => {
    const corrections = [fix('everywhere', 'herbert-hoover')];
    expect(linked(PAGE, corrections, ...FBI_PAGE)[1]).toBe('Hoover=herbert-hoover');
    corrections.pop();
    expect(linked(PAGE, corrections, ...FBI_PAGE)[1]).toBe('Hoover=j-edgar-hoover');
  });
  it('ignores a correction to an entity the dataset no longer has, and lower-case words', () => {
    expect(linked(PAGE, [fix('page', 'no-such-entity')], ...FBI_PAGE)[1]).toBe('Hoover=j-edgar-hoover');
    expect(linked(PAGE, [fix('page', 'herbert-hoover')], 'a hoover for the carpet')).toEqual([]);
  });
});

describe('correction records', () => {
  it('one id per form and place, so a newer correction replaces an older one', () => {
    const a = fix('page', 'herbert-hoover');
    const b = fix('page', null);
    expect(a.id).toBe(b.id);
    expect(fix('site', null).where).toBe('history.example');
    expect(fix('everywhere', null).where).toBe('');
    expect(fix('page', null, 'hoover', `${PAGE}#x`).where).toBe(PAGE);
    expect(fix('site', null).id).not.toBe(a.id);
  });
  it('accepts what makeCorrection makes and explains what is wrong with anything else', () => {
    expect(correctionProblem(fix('page', 'herbert-hoover'))).toBeNull();
    expect(correctionProblem(fix('everywhere', null))).toBeNull();
    expect(correctionProblem({ ...fix('page', 'x'), scope: 'galaxy' })).toMatch(/scope must be page, site or everywhere/);
    expect(correctionProblem({ ...fix('page', 'x'), entityId: 3 })).toMatch(/entity must be an id or null/);
    expect(correctionProblem({ ...fix('page', 'x'), where: '' })).toMatch(/place does not fit the scope "page"/);
    expect(correctionProblem({ ...fix('page', 'x'), id: 'forged' })).toMatch(/id does not match/);
    expect(correctionProblem({ ...fix('page', 'x'), extra: 1 })).toMatch(/unknown field "extra"/);
    expect(correctionProblem({ ...fix('page', 'x'), updated: -1 })).toMatch(/times are not valid/);
    expect(correctionProblem('hoover')).toMatch(/not an object/);
  });
  it('turns the old per-page picks into page corrections, none lost', () => {
    const made = correctionsFromChoices(
      { [PAGE]: { hoover: 'herbert-hoover', reiss: 'ignace-reiss' }, [OTHER_PAGE]: { hoover: 'j-edgar-hoover' } },
      5,
    );
    expect(made.map((c) => [c.scope, c.where, c.key, c.entityId])).toEqual([
      ['page', PAGE, 'hoover', 'herbert-hoover'],
      ['page', PAGE, 'reiss', 'ignace-reiss'],
      ['page', OTHER_PAGE, 'hoover', 'j-edgar-hoover'],
    ]);
    expect(made.every((c) => correctionProblem(c) === null && c.id === correctionId(c))).toBe(true);
  });
});
