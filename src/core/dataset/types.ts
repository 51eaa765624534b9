/** The reference dataset's record types, shared by the validator, the index compiler and the cards. */

export const ENTITY_TYPES = ['person', 'organization', 'place', 'event', 'work'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Relations an entity may declare to another; read as "<this> <relation> <other>". */
export const RELATIONS = [
  'member_of',
  'led',
  'founded',
  'friend_of',
  'spouse_of',
  'parent_of',
  'child_of',
  'sibling_of',
  'killed',
  'participant_in',
  'part_of',
  'successor_of',
  'predecessor_of',
  'ally_of',
  'rival_of',
  'opponent_of',
  'colleague_of',
  'secretary_of',
  'bodyguard_of',
  'handler_of',
  'agent_of',
  'author_of',
  'written_by',
  'located_in',
  'capital_of',
  'signed',
  'signatory_of',
  'influenced',
  'student_of',
  'teacher_of',
  'served',
  'employed_by',
  'testified_before',
  'defected_from',
  'recruited',
  'investigated',
  'prosecuted',
  'victim_of',
  'relative_of',
] as const;
export type Relation = (typeof RELATIONS)[number];

/** ISO 8601 partial date: "1899-06-28", "1899-06", "1899", or "-0044-03-15" for 44 BC (years BC as historians count them, with no year zero). */
export type PartialDate = string;

export interface Related {
  id: string;
  relation: Relation;
}

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  aliases?: string[];
  /**
   * Names the entity shares with a later namesake and has only on pages about its own era, given by
   * its start and end: "Egypt" is Ancient Egypt on a page about Ramesses II, the modern country on
   * a page about 2011. Everywhere else the form leaves it out.
   */
  eraNames?: string[];
  description: string;
  wikipedia: string;
  born?: PartialDate;
  died?: PartialDate;
  start?: PartialDate;
  end?: PartialDate;
  roles?: string[];
  places?: string[];
  related?: Related[];
  tags?: string[];
  /** Places only: [latitude, longitude] in degrees, to at most two decimals. */
  coords?: [number, number];
  /** Words that, near a mention, speak for this entity over a namesake ("FBI" for J. Edgar Hoover). */
  cues?: string[];
  /** An author's note on a fact that looks wrong but is not (a disputed birth, Old Style dates, a BC year counted differently). */
  note?: string;
}

export interface DatasetFile {
  topic: string;
  entities: Entity[];
}

/** Every field an entity may have, in the canonical order of the source files (`dataset -- format`). */
export const ENTITY_FIELD_ORDER = [
  'id',
  'type',
  'name',
  'aliases',
  'eraNames',
  'description',
  'wikipedia',
  'born',
  'died',
  'start',
  'end',
  'roles',
  'places',
  'related',
  'tags',
  'coords',
  'cues',
  'note',
] as const;

export const ENTITY_FIELDS: ReadonlySet<string> = new Set(ENTITY_FIELD_ORDER);
