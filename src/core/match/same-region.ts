/**
 * Places of one region: a place name left ambiguous between places ("Georgia", the US state and
 * the country) goes to the one that lies in the page's home region, the larger place most of the
 * places it names with confidence lie in ("Greensboro" and "North Carolina" in the United States),
 * when no other candidate does. Cost: only ambiguous mentions; O(page places x their relations) once per
 * page, then O(candidates x relations) per mention.
 */
import type { Decided } from './decide';
import type { Matcher } from './matcher';
import { encodeWhy, WHY } from './why';

/** The places an entity lies in (located_in or part_of), by entity index. */
function containers(i: number, matcher: Matcher): number[] {
  return matcher
    .linksOf(i)
    .filter((l) => l.outgoing && (l.relation === 'located_in' || l.relation === 'part_of'))
    .map((l) => l.other);
}

/** Resolves ambiguous place names in place; `mentions` are the page's decided mentions. */
export function sameRegion(mentions: Decided[], matcher: Matcher): void {
  if (!mentions.some((m) => m.candidates && !m.id)) return;
  // The page's home region: the larger place that most of its confidently linked places lie in
  // (distinct places; a tie means no home). A region that only some of them share ("United
  // Kingdom" for London on a page about New Zealand) is not enough.
  const placesIn = new Map<number, Set<string>>();
  for (const m of mentions) {
    if (!m.id || !m.explicit || m.candidates) continue;
    const i = matcher.indexOf(m.id);
    if (i === undefined || matcher.entity(i).type !== 'place') continue;
    for (const r of containers(i, matcher)) {
      let ids = placesIn.get(r);
      if (!ids) placesIn.set(r, (ids = new Set()));
      ids.add(m.id);
    }
  }
  let home: number | undefined;
  let most = 0;
  for (const [r, ids] of placesIn) {
    if (ids.size > most) {
      most = ids.size;
      home = r;
    } else if (ids.size === most) home = undefined;
  }
  if (home === undefined) return;
  const region = home;
  for (const m of mentions) {
    if (m.id || !m.candidates) continue;
    let found: string | undefined;
    let count = 0;
    for (const id of m.candidates) {
      const i = matcher.indexOf(id);
      if (i === undefined || matcher.entity(i).type !== 'place') {
        count = 2;
        break;
      }
      if (containers(i, matcher).includes(region)) {
        count++;
        found = id;
      }
    }
    if (count !== 1 || !found) continue;
    m.id = found;
    m.candidates = undefined;
    m.key = undefined;
    m.why = encodeWhy(WHY.likeliest);
  }
}
