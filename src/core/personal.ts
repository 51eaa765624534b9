/** Personal entities: names the reader tracks that the dataset lacks, highlighted like dataset entities. */
import type { Entity, EntityType } from './dataset/types';
import { say, sayNumber } from './text/say';
import { ENTITY_TYPES } from './dataset/types';
import { compileIndex } from './index/compile';
import { BinaryIndex, encodeIndex } from './index/binary';
import type { CardEntity } from './index/format';

export interface PersonalEntity {
  /** "personal-" + a random id, so it can never collide with a dataset id. */
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  description: string;
  created: number;
  updated: number;
}

export const PERSONAL_PREFIX = 'personal-';

/**
 * How many names a reader may track, and their aliases in all. Every tracked form is compiled into
 * the personal table when the worker starts (5,000 names with 50 aliases each delayed the first
 * highlight after a restart to 7 s), so the total is bounded, far above what a reader types by hand.
 */
export const MAX_PERSONAL = 1_000;
export const MAX_ALIASES = 50;
export const MAX_PERSONAL_FORMS = 10_000;
const PERSONAL_FIELDS = ['id', 'type', 'name', 'aliases', 'description', 'created', 'updated'];
const isTime = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 1e14;

/** Why a list of tracked names is too big to keep, or null. */
export function personalListProblem(list: readonly Pick<PersonalEntity, 'aliases'>[]): string | null {
  if (list.length > MAX_PERSONAL) return say('coreTooManyTrackedNames', sayNumber(MAX_PERSONAL), sayNumber(list.length));
  const forms = list.reduce((n, e) => n + 1 + e.aliases.length, 0);
  if (forms > MAX_PERSONAL_FORMS) return say('coreTooManyTrackedForms', sayNumber(MAX_PERSONAL_FORMS), sayNumber(forms));
  return null;
}

export function personalEntityProblem(v: unknown): string | null {
  const e = v as Record<string, unknown> | null;
  if (typeof e !== 'object' || e === null || Array.isArray(e)) return say('personalNotObject');
  for (const key of Object.keys(e)) if (!PERSONAL_FIELDS.includes(key)) return say('recordUnknownField', key.slice(0, 60));
  if (typeof e.id !== 'string' || !e.id.startsWith(PERSONAL_PREFIX) || e.id.length > 200) return say('personalBadId', PERSONAL_PREFIX);
  if (typeof e.type !== 'string' || !(ENTITY_TYPES as readonly string[]).includes(e.type))
    return say('personalBadType', ENTITY_TYPES.join(', '));
  if (typeof e.name !== 'string' || e.name.trim().length < 2 || e.name.length > 200) return say('personalBadName');
  if (!Array.isArray(e.aliases) || e.aliases.length > MAX_ALIASES || !e.aliases.every((a) => typeof a === 'string' && a.length <= 200))
    return say('personalBadAliases', MAX_ALIASES);
  if (typeof e.description !== 'string' || e.description.length > 2000) return say('personalBadDescription', sayNumber(2000));
  // Finite and in range: 1e400 is Infinity in JSON.parse, which JSON.stringify would write as null.
  if (!isTime(e.created) || !isTime(e.updated)) return say('recordBadTimes');
  return null;
}

/** The dataset shape of a personal entity, for the index compiler. */
export function asDatasetEntity(p: PersonalEntity): Entity {
  return {
    id: p.id,
    type: p.type,
    name: p.name.trim(),
    aliases: p.aliases.map((a) => a.trim()).filter((a) => a.length > 1),
    description: p.description.trim() || 'A name you track in Dramatis.',
    wikipedia: '',
  };
}

/**
 * The reader's personal entities as a small second table beside the shipped index, compiled and
 * encoded at run time in the same format (no dictionary, so their aliases are trusted as written).
 * The shipped table is never rebuilt. Undefined when the reader tracks no names.
 */
export function personalIndex(personal: readonly PersonalEntity[]): { index: BinaryIndex; entities: CardEntity[] } | undefined {
  if (personal.length === 0) return undefined;
  const compiled = compileIndex(personal.map(asDatasetEntity), new Set());
  return { index: new BinaryIndex(encodeIndex(compiled)), entities: compiled.entities };
}
