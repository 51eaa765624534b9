/**
 * The notebook's query over notes: words (every word must appear, accents and case ignored), filters
 * by entity, tag and site, sorted by date or page, a page of results, and the facets to filter by.
 * Pure, so it runs the same over the background's cache and in unit tests. Cost: one pass, O(notes).
 */
import { foldKey } from '../text/fold';
import { searchableText, siteOf, type Note } from './model';

export interface NoteQuery {
  text?: string;
  entityId?: string;
  tag?: string;
  site?: string;
  kind?: Note['kind'];
  sort?: 'newest' | 'oldest' | 'page';
  offset?: number;
  limit?: number;
}

export interface Facet {
  value: string;
  label: string;
  count: number;
}

export interface NoteQueryResult {
  notes: Note[];
  total: number;
  facets: { entities: Facet[]; tags: Facet[]; sites: Facet[] };
}

function count(map: Map<string, Facet>, value: string, label: string): void {
  const f = map.get(value);
  if (f) f.count++;
  else map.set(value, { value, label, count: 1 });
}

const byCount = (a: Facet, b: Facet) => b.count - a.count || a.label.localeCompare(b.label);

export function queryNotes(all: readonly Note[], q: NoteQuery, text: (n: Note) => string = searchableText): NoteQueryResult {
  const words = foldKey(q.text ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const entities = new Map<string, Facet>();
  const tags = new Map<string, Facet>();
  const sites = new Map<string, Facet>();
  const hits: Note[] = [];
  for (const n of all) {
    if (q.kind && n.kind !== q.kind) continue;
    if (words.length > 0) {
      const hay = text(n);
      if (!words.every((w) => hay.includes(w))) continue;
    }
    const site = siteOf(n);
    // Facets count within the text search but across the other filters, so choices stay visible.
    if (n.kind === 'entity') count(entities, n.entityId, n.entityName);
    for (const t of n.tags) count(tags, t, `#${t}`);
    if (site) count(sites, site, site);
    if (q.entityId && !(n.kind === 'entity' && n.entityId === q.entityId)) continue;
    if (q.tag && !n.tags.includes(q.tag)) continue;
    if (q.site && site !== q.site) continue;
    hits.push(n);
  }
  const sort = q.sort ?? 'newest';
  hits.sort(
    sort === 'oldest'
      ? (a, b) => a.updated - b.updated || a.id.localeCompare(b.id)
      : sort === 'page'
        ? (a, b) =>
            (a.page?.title ?? '').localeCompare(b.page?.title ?? '') ||
            (a.page?.url ?? '').localeCompare(b.page?.url ?? '') ||
            b.updated - a.updated
        : (a, b) => b.updated - a.updated || a.id.localeCompare(b.id),
  );
  const offset = Math.max(0, q.offset ?? 0);
  const limit = Math.min(500, Math.max(1, q.limit ?? 50));
  return {
    notes: hits.slice(offset, offset + limit),
    total: hits.length,
    facets: {
      entities: [...entities.values()].sort(byCount).slice(0, 100),
      tags: [...tags.values()].sort(byCount).slice(0, 100),
      sites: [...sites.values()].sort(byCount).slice(0, 100),
    },
  };
}
