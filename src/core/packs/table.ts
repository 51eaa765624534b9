/**
 * The second table beside the shipped index: the reader's tracked names and the entities of the
 * enabled packs, compiled at run time in the dataset's format (compileIndex, then encodeIndex) so the
 * matcher reads both alike; the shipped table is never rebuilt. A pack entity whose Wikipedia title
 * is a bundled entity's is that entity: it is left out of the table (no second mark) and its pack's
 * description and notes ride on the bundled card as an overlay.
 *
 * Cost: O(forms) to compile and encode, linear in the pack entities and their aliases; rebuilt only
 * when a pack or a tracked name changes (see docs/PACKS.md for figures).
 */
import type { Entity, Related, Relation } from '../dataset/types';
import { BinaryIndex, encodeIndex } from '../index/binary';
import { compileIndex } from '../index/compile';
import { FormFlag, type CardEntity, type CompiledIndex } from '../index/format';
import { asDatasetEntity, type PersonalEntity } from '../personal';
import { foldKey } from '../text/fold';
import type { Matcher } from '../match/matcher';
import { relationLines, type RelationLine } from '../relations';
import { nameKey } from '../text/tokens';
import { isPackEntityId, packEntityIds, packIdOf, type Pack, type PackEntity, type StoredPack } from './format';
import { packPassagesByPage, type PackPassageNote } from './passages';

/** What a card shows of a pack: its label, and the pack's description and notes for this entity. */
export interface PackOverlay {
  packId: string;
  packTitle: string;
  description?: string;
  url?: string;
  notes: string[];
}

export interface ExtraTable {
  index: BinaryIndex;
  /** Card records of the table's entities, in its order (sorted by id). */
  entities: CardEntity[];
}

/**
 * Relations a pack draws across the two tables (a pack entity and a bundled one, either way), which
 * neither table can hold: the card's relation lines add them to the matcher's own (detector.ts).
 */
export interface CrossLinks {
  /** Relations this entity declares (in a pack), to the other's id. */
  own: { id: string; relation: Relation }[];
  /** Relations a pack entity declares to this one. */
  incoming: { from: string; relation: Relation }[];
}

export interface PackLayer {
  /** Undefined when there is nothing to match beyond the shipped index. */
  table?: ExtraTable;
  /** Overlays by entity id: bundled ids (entities a pack names by their Wikipedia title) and pack entity ids. */
  overlays: Map<string, PackOverlay[]>;
  /** Cross-table relations by entity id (both ends). Relations inside the pack table are in the table. */
  links: Map<string, CrossLinks>;
  /** The enabled packs' passage notes, by page key. */
  passages: Map<string, PackPassageNote[]>;
}

/**
 * Every Wikipedia title the packs name (their entities' and their relations'), to resolve against
 * the bundled entities before building.
 */
export function packTitles(packs: readonly Pack[]): string[] {
  const titles = packs.flatMap((p) =>
    p.entities.flatMap((e) => [
      ...(e.wikipedia ? [e.wikipedia] : []),
      ...(e.related ?? []).flatMap((r) => (r.wikipedia ? [r.wikipedia] : [])),
    ]),
  );
  return [...new Set(titles)];
}

/** The entity notes of a pack, by entity index. */
function notesByEntity(pack: Pack): string[][] {
  const byName = new Map(pack.entities.map((e, i) => [foldKey(e.name), i]));
  const byTitle = new Map(pack.entities.flatMap((e, i) => (e.wikipedia ? [[foldKey(e.wikipedia), i] as const] : [])));
  const out: string[][] = pack.entities.map(() => []);
  for (const note of pack.notes) {
    const i = 'entity' in note ? byName.get(foldKey(note.entity)) : 'wikipedia' in note ? byTitle.get(foldKey(note.wikipedia)) : undefined;
    if (i !== undefined) out[i]!.push(note.text);
  }
  return out;
}

/**
 * Builds the table and the overlays. `bundledIdOf(title)` gives the bundled entity with exactly that
 * Wikipedia title, or undefined.
 */
export function buildPackLayer(
  personal: readonly PersonalEntity[],
  packs: readonly StoredPack[],
  bundledIdOf: (title: string) => string | undefined,
): PackLayer {
  const entities: Entity[] = personal.map(asDatasetEntity);
  const overlays = new Map<string, PackOverlay[]>();
  const links = new Map<string, CrossLinks>();
  const linksOf = (id: string): CrossLinks => links.get(id) ?? links.set(id, { own: [], incoming: [] }).get(id)!;
  for (const stored of packs) {
    if (!stored.enabled) continue;
    const { pack } = stored;
    const packId = packIdOf(pack.title);
    const ids = packEntityIds(pack);
    const notes = notesByEntity(pack);
    // Each entity's id in the matcher: the bundled one's when its title matches, else its own.
    const finalIds = pack.entities.map((e, i) => (e.wikipedia && bundledIdOf(e.wikipedia)) || ids[i]!);
    const byName = new Map(pack.entities.map((e, i) => [foldKey(e.name), finalIds[i]!]));
    const byTitle = new Map(pack.entities.flatMap((e, i) => (e.wikipedia ? [[foldKey(e.wikipedia), finalIds[i]!] as const] : [])));
    pack.entities.forEach((e, i) => {
      const id = finalIds[i]!;
      const bundled = id !== ids[i];
      const overlay: PackOverlay = {
        packId,
        packTitle: pack.title,
        // A pack-only entity's description is its card's own; a bundled one's comes beside the bundled text.
        ...(bundled && e.description ? { description: e.description } : {}),
        ...(e.url ? { url: e.url } : {}),
        notes: notes[i]!,
      };
      overlays.set(id, [...(overlays.get(id) ?? []), overlay]);
      const related = relatedIds(e, byName, byTitle, bundledIdOf);
      // Between two pack-only entities the relation is stored in the table (the matcher reads both
      // directions there); any relation with a bundled end crosses the tables and is kept aside.
      const inTable = (r: Related) => !bundled && isPackEntityId(r.id);
      for (const r of related) {
        if (inTable(r) || r.id === id) continue;
        linksOf(id).own.push(r);
        linksOf(r.id).incoming.push({ from: id, relation: r.relation });
      }
      if (!bundled) entities.push(asEntity(e, id, related.filter(inTable)));
    });
  }
  const passages = packPassagesByPage(packs);
  if (entities.length === 0) return { overlays, links, passages };
  const compiled = withoutPlaceSurnames(compileIndex(entities, new Set()));
  return { table: { index: new BinaryIndex(encodeIndex(compiled)), entities: compiled.entities }, overlays, links, passages };
}

/**
 * "Jerome of Prague", "George of Poděbrady": the compiler takes the last word for a surname, but
 * after "of" it is a place, and "Prague" alone on a page is the city. Those derived forms are
 * dropped from the run-time table (the shipped index is compiled as it always was).
 */
function withoutPlaceSurnames(index: CompiledIndex): CompiledIndex {
  const drop = new Map<string, Set<number>>();
  index.entities.forEach((e, i) => {
    const m = e.type === 'person' ? /\bof\s+(.+)$/i.exec(e.name) : null;
    if (!m) return;
    const key = nameKey(m[1]!).split(' ').pop()!;
    (drop.get(key) ?? drop.set(key, new Set()).get(key)!).add(i);
  });
  if (drop.size === 0) return index;
  const keys: string[] = [];
  const values: number[][] = [];
  index.forms.keys.forEach((key, k) => {
    const entries = index.forms.values[k]!;
    const gone = drop.get(key);
    const kept: number[] = [];
    for (let j = 0; j < entries.length; j += 2) {
      if (gone?.has(entries[j]!) && entries[j + 1]! & FormFlag.Surname) continue;
      kept.push(entries[j]!, entries[j + 1]!);
    }
    if (kept.length > 0) {
      keys.push(key);
      values.push(kept);
    }
  });
  return { ...index, forms: { keys, values } };
}

/**
 * A pack entity's relations with the ids of their other ends: an entity of the same pack (by its name,
 * or by its Wikipedia title), else the bundled entity with that Wikipedia title. A title that is
 * neither names nothing Dramatis can card, so that relation is not drawn (docs/PACKS.md says so).
 */
export function relatedIds(
  e: PackEntity,
  byName: ReadonlyMap<string, string>,
  byTitle: ReadonlyMap<string, string>,
  bundledIdOf: (title: string) => string | undefined,
): Related[] {
  return (e.related ?? []).flatMap((r) => {
    const id = (r.name && byName.get(foldKey(r.name))) || (r.wikipedia && (byTitle.get(foldKey(r.wikipedia)) ?? bundledIdOf(r.wikipedia)));
    return id ? [{ id, relation: r.relation }] : [];
  });
}

/** A pack entity in the dataset's shape, for the index compiler (its aliases trusted as written). */
function asEntity(e: PackEntity, id: string, related: Related[]): Entity {
  const out: Entity = {
    id,
    type: e.type,
    name: e.name,
    aliases: e.aliases ?? [],
    description: e.description ?? '',
    wikipedia: e.wikipedia ?? '',
  };
  if (e.born) out.born = e.born;
  if (e.died) out.died = e.died;
  if (e.start) out.start = e.start;
  if (e.end) out.end = e.end;
  if (e.coords) out.coords = e.coords;
  if (related.length) out.related = related;
  return out;
}

/**
 * A card's relation lines: the entity's relations in its table (both directions, read by the
 * matcher), with the relations the packs draw across the tables (`links`, from buildPackLayer).
 * Cost: the entity's links and one id lookup per other end; a card asks once.
 */
export function entityRelationLines(
  matcher: Matcher,
  id: string,
  links: ReadonlyMap<string, CrossLinks>,
  onPage: ReadonlySet<string>,
): RelationLine[] {
  const i = matcher.indexOf(id);
  const own: { id: string; relation: Relation }[] = [];
  const incoming: { from: string; relation: Relation }[] = [];
  for (const link of i === undefined ? [] : matcher.linksOf(i)) {
    const other = matcher.idOf(link.other);
    if (link.outgoing) own.push({ id: other, relation: link.relation });
    else incoming.push({ from: other, relation: link.relation });
  }
  const cross = links.get(id);
  if (cross) {
    own.push(...cross.own);
    incoming.push(...cross.incoming);
  }
  const lookup = (other: string) => {
    const j = matcher.indexOf(other);
    return j === undefined ? undefined : matcher.entity(j);
  };
  return relationLines(id, own, incoming, lookup, onPage);
}
