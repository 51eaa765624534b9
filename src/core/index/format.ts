/** The compiled index: what the build writes from the dataset and the matcher loads. */
import type { EntityType, Related } from '../dataset/types';

export const INDEX_VERSION = 1;

/** What matching and disambiguation need of an entity (decoded from data/index.bin on first use). */
export interface MatchEntity {
  id: string;
  type: EntityType;
  name: string;
  born?: string;
  died?: string;
  start?: string;
  end?: string;
}

/** The rest of what a card shows (data/cards/<shard>.json, fetched when a card needs it). */
export interface CardExtra {
  description: string;
  wikipedia: string;
  roles?: string[];
  tags?: string[];
  coords?: [number, number];
}

/** What a card shows about an entity; `related` travels in the binary index, not in the card shards. */
export interface CardEntity extends MatchEntity, CardExtra {
  related?: Related[];
}

/** True when an entity record carries its card fields (not just what matching needs). */
export function isCardEntity(e: MatchEntity): e is CardEntity {
  return typeof (e as Partial<CardEntity>).description === 'string';
}

/**
 * Card texts ship in shards of CARD_SHARD_SIZE entities, by index (entities are sorted by id), so
 * opening a card costs at most one small fetch (about 50 KB) and a worker holds only the shards used.
 */
export const CARD_SHARD_SIZE = 256;
export const shardOf = (entity: number): number => Math.floor(entity / CARD_SHARD_SIZE);

/**
 * One card in a shard, as compact as JSON allows: [description, wikipedia title or "" when it is the
 * entity's name, roles or 0, coords]. Tags stay out: no card shows them.
 */
export type CardRow = [string, string, (string[] | 0)?, [number, number]?];

/** The card texts in shards: shard s holds entities [s * CARD_SHARD_SIZE, (s + 1) * CARD_SHARD_SIZE). */
export function cardShards(entities: readonly CardEntity[]): CardRow[][] {
  const shards: CardRow[][] = [];
  entities.forEach((e, i) => {
    const row: CardRow = [e.description, e.wikipedia === e.name ? '' : e.wikipedia];
    if (e.roles?.length || e.coords) row.push(e.roles?.length ? e.roles : 0);
    if (e.coords) row.push(e.coords);
    (shards[shardOf(i)] ??= []).push(row);
  });
  return shards;
}

/** The card fields of one shard row, for the entity named `name`. */
export function cardFromRow(row: CardRow, name: string): CardExtra {
  const [description, wikipedia, roles, coords] = row;
  return { description, wikipedia: wikipedia || name, ...(roles ? { roles } : {}), ...(coords ? { coords } : {}) };
}

/** Bits in a form's flags: how far the matcher may trust the form alone. */
export const FormFlag = {
  /** A surname taken from a full name: needs the full name on the page. */
  Surname: 1,
  /** A first name taken from a full name: needs the full name on the page. */
  FirstName: 2,
  /** An English dictionary word (Dies, Chase, Reading): needs a title, the full name or a cue. */
  CommonWord: 4,
  /** An all-capitals acronym (POUM, NKVD): the page must write it in capitals too. */
  Acronym: 8,
  /** A form with a capital inside a word (RYaN, McCarthy): "Ryan" or "mccarthy" on a page is not it. */
  MixedCase: 16,
  /** A name the entity has only in its own era (Entity.eraNames): "Egypt" for Ancient Egypt on a page about 1274 BC. */
  EraBound: 32,
} as const;

export interface CompiledIndex<E extends MatchEntity = CardEntity> {
  version: typeof INDEX_VERSION;
  entities: E[];
  /** Context words per entity index, for namesakes (see Entity.cues). */
  cues: Record<number, string[]>;
  /**
   * Related entities as flat index pairs [a, b, a, b, ...], either direction: what disambiguation
   * needs of the relations (the relations' kinds stay with the cards).
   */
  links: number[];
  /**
   * Form keys (sorted) and, at the same position, flat pairs [entityIndex, flags, ...]. Two arrays
   * rather than one object: parsing an object with tens of thousands of keys is several times slower.
   */
  forms: { keys: string[]; values: number[][] };
}

/** The entries of one form key, or undefined (a binary search over the sorted keys; for tools and tests). */
export function formEntries(index: Pick<CompiledIndex<MatchEntity>, 'forms'>, key: string): number[] | undefined {
  const keys = index.forms.keys;
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = keys[mid]!;
    if (k === key) return index.forms.values[mid];
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
