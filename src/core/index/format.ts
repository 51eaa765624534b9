/** The compiled index: what the build writes from the dataset and the matcher loads. */
import type { EntityType, Related } from '../dataset/types';

export const INDEX_VERSION = 1;

/** What matching and disambiguation need of an entity (the build ships these in data/match.json). */
export interface MatchEntity {
  id: string;
  type: EntityType;
  name: string;
  born?: string;
  died?: string;
  start?: string;
  end?: string;
}

/** The rest of what a card shows (data/cards.json, loaded after the first detection). */
export interface CardExtra {
  description: string;
  wikipedia: string;
  related?: Related[];
  roles?: string[];
  tags?: string[];
  coords?: [number, number];
}

/** What a card shows about an entity: the dataset record less what only matching needs. */
export interface CardEntity extends MatchEntity, CardExtra {}

/** True when an entity record carries its card fields (not just what matching needs). */
export function isCardEntity(e: MatchEntity): e is CardEntity {
  return typeof (e as Partial<CardEntity>).description === 'string';
}

/** Splits compiled entities into the two shipped files: matching data first, card text after. */
export function splitEntities(entities: readonly CardEntity[]): { match: MatchEntity[]; cards: Record<string, CardExtra> } {
  const match: MatchEntity[] = [];
  const cards: Record<string, CardExtra> = {};
  for (const { description, wikipedia, related, roles, tags, coords, ...m } of entities) {
    match.push(m);
    cards[m.id] = {
      description,
      wikipedia,
      ...(related ? { related } : {}),
      ...(roles ? { roles } : {}),
      ...(tags ? { tags } : {}),
      ...(coords ? { coords } : {}),
    };
  }
  return { match, cards };
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
