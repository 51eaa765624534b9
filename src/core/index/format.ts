/** The compiled index: what the build writes from the dataset and the matcher loads. */
import type { EntityType, Related } from '../dataset/types';

export const INDEX_VERSION = 1;

/** What a card shows about an entity: the dataset record less what only matching needs. */
export interface CardEntity {
  id: string;
  type: EntityType;
  name: string;
  description: string;
  wikipedia: string;
  born?: string;
  died?: string;
  start?: string;
  end?: string;
  roles?: string[];
  related?: Related[];
  tags?: string[];
  coords?: [number, number];
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

export interface CompiledIndex {
  version: typeof INDEX_VERSION;
  entities: CardEntity[];
  /** Context words per entity index, for namesakes (see Entity.cues). */
  cues: Record<number, string[]>;
  /** Form key -> flat pairs [entityIndex, flags, entityIndex, flags, ...]. */
  forms: Record<string, number[]>;
}
