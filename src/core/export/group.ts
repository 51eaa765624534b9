/** Notes grouped and ordered for export: by page and by entity, in an order that never changes between runs. */
import type { CardEntity } from '../index/format';
import { pageKey, type EntityNote, type Note, type PageNote, type PassageNote } from '../notes/model';

/** What the exporters need to know about an entity (a CardEntity, or less). */
export type ExportEntity = Pick<CardEntity, 'id' | 'name' | 'type' | 'description' | 'born' | 'died' | 'start' | 'end'>;

export interface ExportOptions {
  title: string;
  /** Epoch milliseconds; passed in so the same notes always give the same bytes. */
  exportedAt: number;
  /** Entities by id, for names, lifespans and descriptions; entities not here use the note's entityName. */
  entities: Record<string, ExportEntity>;
}

export const isoTime = (ms: number): string => new Date(ms).toISOString();
/** YYYY-MM-DD in UTC. */
export const isoDay = (ms: number): string => isoTime(ms).slice(0, 10);

// A fixed locale, not the reader's, so the order is the same on every machine. Built on first use,
// not at load: constructing it loads ICU collation data (12-90 ms in Node here, and it sat in the
// background script's top-level evaluation, on the cold worker's path to the first highlight).
let collator: Intl.Collator | undefined;

/** Alphabetical, case- and accent-insensitive, with exact code-unit order to break ties. */
export function compareText(a: string, b: string): number {
  collator ??= new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  return collator.compare(a, b) || compareCodes(a, b);
}

export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byCreated(a: Note, b: Note): number {
  return a.created - b.created || compareCodes(a.id, b.id);
}

/** The most recently updated note (ties: the greater id), whose page title or entity name is current. */
function newest<T extends Note>(notes: T[]): T {
  return notes.reduce((best, n) => (n.updated > best.updated || (n.updated === best.updated && n.id > best.id) ? n : best));
}

export interface PageGroup {
  /** The page's URL without its fragment. */
  url: string;
  /** The newest note's page title, or the URL when the page had none. */
  title: string;
  notes: (PageNote | PassageNote)[];
  /** The earliest note's creation time. */
  first: number;
}

/** Page and passage notes by page, pages sorted by title then URL, notes by creation time then id. */
export function pageGroups(notes: Note[]): PageGroup[] {
  const byUrl = new Map<string, (PageNote | PassageNote)[]>();
  for (const n of notes) {
    if (n.kind === 'entity') continue;
    const url = pageKey(n.page.url);
    byUrl.set(url, [...(byUrl.get(url) ?? []), n]);
  }
  return [...byUrl].map(([url, list]) => pageGroup(url, list)).sort(comparePages);
}

function pageGroup<T extends Note>(url: string, list: T[]): { url: string; title: string; notes: T[]; first: number } {
  const sorted = [...list].sort(byCreated);
  const title = newest(sorted).page?.title.replace(/\s+/g, ' ').trim() || url;
  return { url, title, notes: sorted, first: sorted[0]!.created };
}

export function comparePages(a: { title: string; url: string }, b: { title: string; url: string }): number {
  return compareText(a.title, b.title) || compareCodes(a.url, b.url);
}

export interface EntityGroup {
  id: string;
  name: string;
  entity?: ExportEntity;
  notes: EntityNote[];
  /** Other names the notes were written under (the entity renamed in the dataset since). */
  otherNames: string[];
}

/** Entity notes by entity, sorted by name then id, notes by creation time then id. */
export function entityGroups(notes: Note[], entities: Record<string, ExportEntity>): EntityGroup[] {
  const byId = new Map<string, EntityNote[]>();
  for (const n of notes) if (n.kind === 'entity') byId.set(n.entityId, [...(byId.get(n.entityId) ?? []), n]);
  const groups = [...byId].map(([id, list]): EntityGroup => {
    const sorted = [...list].sort(byCreated);
    const entity = Object.hasOwn(entities, id) ? entities[id] : undefined;
    const name = entity?.name.trim() || newest(sorted).entityName.trim() || id;
    const otherNames = [...new Set(sorted.map((n) => n.entityName.trim()))].filter((n) => n && n !== name).sort(compareText);
    return { id, name, entity, notes: sorted, otherNames };
  });
  return groups.sort((a, b) => compareText(a.name, b.name) || compareCodes(a.id, b.id));
}
