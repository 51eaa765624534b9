/** Personal entities: names the reader tracks that the dataset lacks, highlighted like dataset entities. */
import type { Entity, EntityType } from './dataset/types';
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

export function personalEntityProblem(v: unknown): string | null {
  const e = v as Record<string, unknown> | null;
  if (typeof e !== 'object' || e === null) return 'a personal entity must be an object';
  if (typeof e.id !== 'string' || !e.id.startsWith(PERSONAL_PREFIX) || e.id.length > 200) return `id must start with "${PERSONAL_PREFIX}"`;
  if (typeof e.type !== 'string' || !(ENTITY_TYPES as readonly string[]).includes(e.type))
    return `type must be one of ${ENTITY_TYPES.join(', ')}`;
  if (typeof e.name !== 'string' || e.name.trim().length < 2 || e.name.length > 200) return 'name must be 2 to 200 characters';
  if (!Array.isArray(e.aliases) || e.aliases.length > 50 || !e.aliases.every((a) => typeof a === 'string' && a.length <= 200))
    return 'aliases must be at most 50 strings';
  if (typeof e.description !== 'string' || e.description.length > 2000) return 'description must be at most 2,000 characters';
  if (typeof e.created !== 'number' || typeof e.updated !== 'number') return 'created and updated must be times';
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
