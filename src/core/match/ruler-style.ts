/**
 * A ruler named by their style: "supervised by the King of Belgium" on a page that calls Leopold II
 * of Belgium "King Leopold". "The <Title> of <Place>", the title one of the words that say a person
 * follows (text/titles.ts) and the place a form of the dataset, names the one person linked on the
 * page through their own form whose name ends in "of <Place>", when the page itself writes that title
 * before one of their mentions ("King Leopold") and the page's years fall in their active span. The
 * title must be the page's own word for them: "the Queen of England" is not Henry VIII of England.
 * Cost: one pass over each block's candidates; only a candidate after "the <Title> of" (rare) looks at
 * the page's own linked people (dozens).
 */
import { nameKey } from '../text/tokens';
import { TITLES } from '../text/titles';
import type { Decided } from './decide';
import type { Matcher } from './matcher';
import type { Mention } from './mention';
import type { ScannedBlock } from './misspellings';
import { isCapitalised } from './name-shape';
import { activeSpan } from './page-years';
import { encodeWhy, WHY } from './why';

export function rulerStyles(
  blocks: readonly ScannedBlock[],
  decided: readonly Decided[],
  taken: readonly Mention[],
  matcher: Matcher,
  year: number | undefined,
): Mention[] {
  const out: Mention[] = [];
  blocks.forEach(({ text, tokens, candidates }, b) => {
    for (const c of candidates) {
      const title = c.firstToken - 2;
      if (title < 1 || tokens.key(title + 1) !== 'of' || tokens.key(title - 1) !== 'the') continue;
      if (tokens.breakBefore(title) || tokens.breakBefore(title + 1) || tokens.breakBefore(c.firstToken)) continue;
      if (!TITLES.has(tokens.key(title)) || !isCapitalised(text, tokens, title)) continue;
      const start = tokens.starts[title]!;
      if (taken.some((m) => m.block === b && m.start < c.end && m.end > start)) continue;
      const id = styledRuler(tokens.key(title), c.key, blocks, decided, matcher, year);
      if (id) out.push({ block: b, start, end: c.end, id, why: encodeWhy(WHY.namedOnPage) });
    }
  });
  return out;
}

/** The one person linked on the page whose name ends in "of <place>", written after `title` on the page, active at `year`. */
function styledRuler(
  title: string,
  place: string,
  blocks: readonly ScannedBlock[],
  decided: readonly Decided[],
  matcher: Matcher,
  year: number | undefined,
): string | undefined {
  const ending = ` of ${place}`;
  let found: string | undefined;
  for (const m of decided) {
    if (!m.id || !m.explicit || m.id === found) continue;
    const i = matcher.indexOf(m.id);
    if (i === undefined) continue;
    const e = matcher.entity(i);
    if (e.type !== 'person' || !nameKey(e.name).endsWith(ending)) continue;
    const span = activeSpan(e);
    if (year !== undefined && span && (year < span[0] || year > span[1])) continue;
    if (!titledOnPage(title, decided, m.id, blocks)) continue;
    if (found) return undefined;
    found = m.id;
  }
  return found;
}

/** Some mention of `id` on the page begins with `title` ("King Leopold") or follows it as a word. */
function titledOnPage(title: string, decided: readonly Decided[], id: string, blocks: readonly ScannedBlock[]): boolean {
  for (const m of decided) {
    if (m.id !== id) continue;
    const text = blocks[m.block]!.text;
    if (nameKey(text.slice(m.start, m.end)).split(' ')[0] === title) return true;
    const before = nameKey(text.slice(Math.max(0, m.start - title.length - 2), m.start)).split(' ');
    if (before[before.length - 1] === title) return true;
  }
  return false;
}
