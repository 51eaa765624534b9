/**
 * Detection in the background: the binary index (data/index.bin) is fetched once per
 * service-worker life and read in place (no parse, no table build), shared by every tab, so a tab
 * pays no memory for the dataset. The reader's tracked names and the enabled reference packs'
 * entities sit in a small second table beside it (core/packs/table.ts), rebuilt when they change.
 * Card texts come in shards (data/cards/<n>.json), fetched when a card or a summary needs them and
 * kept for the worker's life: opening a card waits for at most one shard.
 */
import browser from 'webextension-polyfill';
import { BinaryIndex } from '../core/index/binary';
import { CARD_SHARD_SIZE, cardFromRow, isCardEntity, shardOf, type CardEntity, type CardRow, type MatchEntity } from '../core/index/format';
import { Matcher } from '../core/match/matcher';
import { resolveDocument } from '../core/match/resolve';
import type { StoredPack } from '../core/packs/format';
import type { PackPassageNote } from '../core/packs/passages';
import { buildPackLayer, packTitles, type CrossLinks, type PackOverlay } from '../core/packs/table';
import { pageKey } from '../core/notes/model';
import type { PersonalEntity } from '../core/personal';
import { slugOf } from '../core/text/fold';
import { DramatisError } from '../core/protocol/errors';
import type { DetectResult, NameSearch } from '../core/protocol/messages';
import { foldKey } from '../core/text/fold';
import { entityRelationLines } from '../core/packs/table';
import type { RelationLine } from '../core/relations';
import { correctionsFor } from './corrections-store';
import { db } from './db';
import type { IndexRecords } from '../core/index/stream';
import { takeIndex } from './index-prefetch';
import { listPersonal } from './personal-store';
import { traceWorker } from '../shared/trace';

interface Loaded {
  matcher: Matcher;
  /** Entities in the shipped index; the personal ones follow. */
  shipped: number;
  /** The second table's entities (tracked names, pack entities), with their card fields. */
  personal: CardEntity[];
  /** What the enabled packs say about an entity (bundled or their own), by id. */
  overlays: Map<string, PackOverlay[]>;
  /** Relations the packs draw between their entities and bundled ones (both ends), by id. */
  links: Map<string, CrossLinks>;
  /** The enabled packs' passage notes, by page key. */
  passages: Map<string, PackPassageNote[]>;
}

let loading: Promise<Loaded> | undefined;
/** Set once `loading` has resolved: answers that can use the full load skip the early path. */
let loadedNow: Loaded | undefined;
/** The shipped index as it streams in; outlives a reload for new tracked names (only the small personal table is rebuilt). */
let shippedIndex: { records: Promise<IndexRecords>; complete: Promise<BinaryIndex> } | undefined;
const shards = new Map<number, Promise<CardRow[]>>();
/** Shards already here, for answers that must not wait (detection results). */
const shardsLoaded = new Map<number, CardRow[]>();

function streamIndex(): { records: Promise<IndexRecords>; complete: Promise<BinaryIndex> } {
  if (!shippedIndex) {
    const index = takeIndex();
    const forget = (err: unknown) => {
      if (shippedIndex === started) shippedIndex = undefined;
      throw err;
    };
    const started = { records: index.records.catch(forget), complete: index.complete.catch(forget) };
    // Whoever asks sees a failure; the copy kept here must not count as unhandled.
    started.records.catch(() => undefined);
    started.complete.catch(() => undefined);
    shippedIndex = started;
  }
  return shippedIndex;
}

/** The whole shipped index (detection needs all of it). */
function fetchIndex(): Promise<BinaryIndex> {
  return streamIndex().complete;
}

async function enabledPacks(): Promise<StoredPack[]> {
  return (await (await db()).getAll('packs')).filter((p) => p.enabled);
}

/**
 * The bundled entity whose Wikipedia title each pack title is, by id: dataset ids are the slug of
 * the title (core/text/fold slugOf), so one id lookup finds the candidate and its card shard
 * confirms the exact title. Cost: one hash probe per title and at most one shard fetch (about
 * 50 KB, once per worker life) per distinct shard the titles land in.
 */
async function bundledTitles(base: BinaryIndex, titles: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const candidates = titles.flatMap((title) => {
    const i = base.indexOf(slugOf(title));
    return i === undefined ? [] : [{ title, i }];
  });
  await Promise.all([...new Set(candidates.map((c) => shardOf(c.i)))].map((n) => loadShard(n).catch(() => [])));
  for (const { title, i } of candidates) {
    const row = shardsLoaded.get(shardOf(i))?.[i % CARD_SHARD_SIZE];
    if (row && cardFromRow(row, base.entity(i).name).wikipedia === title) found.set(title, base.idOf(i));
  }
  return found;
}

async function load(): Promise<Loaded> {
  traceWorker('load start');
  const [base, personal, packs] = await Promise.all([
    fetchIndex(),
    listPersonal()
      .catch(() => [] as PersonalEntity[])
      .finally(() => traceWorker('personal read')),
    enabledPacks()
      .catch(() => [] as StoredPack[])
      .finally(() => traceWorker('packs read')),
  ]);
  const titles = await bundledTitles(base, packTitles(packs.map((p) => p.pack)));
  const layer = buildPackLayer(personal, packs, (title) => titles.get(title));
  traceWorker('load done');
  return {
    matcher: new Matcher(base, layer.table?.index),
    shipped: base.entityCount,
    personal: layer.table?.entities ?? [],
    overlays: layer.overlays,
    links: layer.links,
    passages: layer.passages,
  };
}

/** What the enabled packs say about an entity, for its card. */
export async function packOverlays(id: string): Promise<PackOverlay[]> {
  return (await loaded()).overlays.get(id) ?? [];
}

/** The enabled packs' notes on passages of this page (same page key as the reader's notes): one map lookup. */
export async function packNotesForPage(url: string): Promise<PackPassageNote[]> {
  return (await loaded()).passages.get(pageKey(url)) ?? [];
}

/** After personal entities or packs change: the next detection rebuilds the small table with them. */
export function reloadMatcher(): void {
  loading = undefined;
  loadedNow = undefined;
}

function loaded(): Promise<Loaded> {
  if (!loading) {
    const started = load().then(
      (l) => {
        if (loading === started) loadedNow = l;
        return l;
      },
      (err) => {
        if (loading === started) loading = undefined;
        throw err;
      },
    );
    loading = started;
    loadedNow = undefined;
  }
  return loading;
}

/** The matcher, loading the index on first use; a failed load is retried on the next call. */
export async function getMatcher(): Promise<Matcher> {
  return (await loaded()).matcher;
}

/** One shard of card texts; fetched once per worker life, retried after a failure. */
function loadShard(n: number): Promise<CardRow[]> {
  let p = shards.get(n);
  if (!p) {
    p = fetch(browser.runtime.getURL(`data/cards/${n}.json`))
      .then((r) => {
        if (!r.ok) throw new Error(`the bundled card texts could not be read (${r.status})`);
        return r.json() as Promise<CardRow[]>;
      })
      .then((cards) => {
        shardsLoaded.set(n, cards);
        return cards;
      })
      .catch((err) => {
        shards.delete(n);
        throw err;
      });
    shards.set(n, p);
  }
  return p;
}

/** The entity's record, with its card fields when they are here (or `cards` says where to find them). */
function record(l: Loaded, i: number, cards: ReadonlyMap<number, CardRow[]> = shardsLoaded): MatchEntity | CardEntity {
  if (i >= l.shipped) return l.personal[i - l.shipped]!;
  const e = l.matcher.entity(i);
  const row = cards.get(shardOf(i))?.[i % CARD_SHARD_SIZE];
  return row ? { ...e, ...cardFromRow(row, e.name) } : e;
}

/** Loads the shards these entities' cards are in (in parallel; each at most once per worker life). */
async function withShards(l: Loaded, indices: readonly number[]): Promise<void> {
  await Promise.all([...new Set(indices.filter((i) => i < l.shipped).map(shardOf))].map(loadShard));
}

/** Resolves in a later task, after every microtask queued now (answers of earlier detections included). */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function detect(blocks: string[], onPage?: string[], url?: string): Promise<DetectResult> {
  const [l, corrections] = await Promise.all([loaded(), correctionsFor(url).finally(() => traceWorker('corrections read'))]);
  // Every detection waiting on the same cold load resumes in one microtask run: without this hop the
  // later batches would run before the first one's answer is posted (the page's first highlight then
  // waited for the whole page's detection, about 300 ms on the bench machine).
  await nextTask();
  traceWorker(`detect start (${blocks.length} blocks)`);
  const { mentions, years } = resolveDocument(blocks, l.matcher, { onPage, corrections });
  traceWorker('detect resolved');
  const entities: Record<string, MatchEntity | CardEntity> = {};
  for (const m of mentions) {
    for (const id of m.id ? [m.id] : (m.candidates ?? [])) {
      if (entities[id]) continue;
      const i = l.matcher.indexOf(id);
      if (i !== undefined) entities[id] = record(l, i);
    }
  }
  traceWorker('detect done');
  return { mentions, entities, years };
}

function indexOrThrow(l: Loaded, id: string): number {
  const i = l.matcher.indexOf(id);
  if (i === undefined) throw new DramatisError('not-found', `unknown entity "${id}"`);
  return i;
}

/** Relation lines for a card, those on the page first: the entity's own relations, then those naming it. */
export async function cardRelations(id: string, onPage: string[]): Promise<RelationLine[]> {
  const l = await loaded();
  indexOrThrow(l, id);
  return entityRelationLines(l.matcher, id, l.links, new Set(onPage));
}

export async function entityById(id: string): Promise<CardEntity | undefined> {
  const l = await loaded();
  const i = l.matcher.indexOf(id);
  if (i === undefined) return undefined;
  await withShards(l, [i]);
  const full = record(l, i);
  return isCardEntity(full) ? full : undefined;
}

export async function getEntities(ids: string[]): Promise<CardEntity[]> {
  if (!loadedNow) {
    const early = await shippedEntities(ids);
    if (early) return early;
  }
  const l = await loaded();
  const indices = ids.flatMap((id) => {
    const i = l.matcher.indexOf(id);
    return i === undefined ? [] : [i];
  });
  await withShards(l, indices);
  return indices.flatMap((i) => {
    const full = record(l, i);
    return isCardEntity(full) ? [full] : [];
  });
}

/**
 * A cold card's answer before the whole index is in: as soon as the entity records have streamed
 * in (the file's first quarter) and the card's shard is fetched, when every id asked for is a
 * bundled entity (those come first in the matcher, whatever the personal table holds, so the answer
 * is the one the full load would give). Undefined when some id is not bundled (a tracked name or a
 * pack entity): that answer waits for the full load.
 */
async function shippedEntities(ids: string[]): Promise<CardEntity[] | undefined> {
  // The load starts too (it would at the first detection anyway), so the reader's tables and packs are read meanwhile.
  loaded().catch(() => undefined);
  // Enabled packs add their own lines to a bundled entity's card (overlays, cross-links) that only the
  // full load brings: with any pack on, the answer waits for it (a card without its pack lines is wrong).
  const packs = enabledPacks().catch(() => [{ enabled: true }]);
  const records = await streamIndex().records;
  if ((await packs).length > 0) return undefined;
  const indices: number[] = [];
  for (const id of ids) {
    const i = records.indexOf(id);
    if (i === undefined) return undefined;
    indices.push(i);
  }
  await Promise.all([...new Set(indices.map(shardOf))].map(loadShard));
  return indices.flatMap((i) => {
    const e = records.entity(i);
    const row = shardsLoaded.get(shardOf(i))?.[i % CARD_SHARD_SIZE];
    return row ? [{ ...e, ...cardFromRow(row, e.name) }] : [];
  });
}

const SEARCH_LIMIT = 20;

/** Every entity's name folded as the matcher folds text, built on the first search (per matcher). */
let foldedNames: { matcher: Matcher; names: string[] } | undefined;

function namesFolded(matcher: Matcher): string[] {
  if (foldedNames?.matcher !== matcher) {
    const names: string[] = [];
    for (let i = 0; i < matcher.entityCount; i++) names.push(foldKey(matcher.entity(i).name));
    foldedNames = { matcher, names };
  }
  return foldedNames.names;
}

/**
 * "Not this?": the entities that hold the name's own form (its namesakes), and others whose name
 * contains the words typed, whole-word matches and shorter names first. The first search of a
 * worker's life folds every entity's name once (about 28,000 short strings, some tens of ms); each
 * search after that is one substring test per name. The card asks only as the reader types.
 */
export async function searchNames(query: string, limit = SEARCH_LIMIT): Promise<NameSearch> {
  const l = await loaded();
  const { matcher } = l;
  const folded = foldKey(query);
  const found = matcher.candidates(query);
  const whole = found.find((c) => c.start === 0 && c.end === query.trim().length) ?? found[0];
  const key = whole?.key ?? null;
  const seen = new Set<number>();
  const namesakes: MatchEntity[] = [];
  const entries = key === null ? [] : (matcher.lookup(key) ?? []);
  for (let k = 0; k < entries.length; k += 2) {
    const i = entries[k]!;
    if (seen.has(i)) continue;
    seen.add(i);
    namesakes.push(matcher.entity(i));
  }
  const matches: { entity: MatchEntity; rank: number }[] = [];
  if (folded.length >= 2 && limit > 0) {
    const names = namesFolded(matcher);
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const at = name.indexOf(folded);
      if (at === -1 || seen.has(i)) continue;
      const wordStart = at === 0 || name[at - 1] === ' ';
      matches.push({ entity: matcher.entity(i), rank: (wordStart ? 0 : 1000) + name.length });
    }
  }
  matches.sort((a, b) => a.rank - b.rank || a.entity.name.localeCompare(b.entity.name));
  return { key, namesakes, matches: matches.slice(0, limit).map((m) => m.entity) };
}
