/** Personal entities: names the reader tracks that the dataset lacks, highlighted like dataset entities. */
import type { Entity, EntityType } from './dataset/types';
import { ENTITY_TYPES } from './dataset/types';
import { compileIndex } from './index/compile';
import type { CardEntity, CompiledIndex, MatchEntity } from './index/format';

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
 * The bundled index plus the reader's personal entities, compiled the same way (no dictionary at
 * run time, so their aliases are trusted as written) and appended after the dataset's entities.
 */
export function withPersonal<E extends MatchEntity>(
  base: CompiledIndex<E>,
  personal: readonly PersonalEntity[],
): CompiledIndex<E | CardEntity> {
  if (personal.length === 0) return base as CompiledIndex<E | CardEntity>;
  const extra = compileIndex(personal.map(asDatasetEntity), new Set());
  const offset = base.entities.length;
  const merged = new Map<string, number[]>(base.forms.keys.map((k, i) => [k, base.forms.values[i]!]));
  extra.forms.keys.forEach((key, i) => {
    const shifted = extra.forms.values[i]!.map((v, j) => (j % 2 === 0 ? v + offset : v));
    merged.set(key, [...(merged.get(key) ?? []), ...shifted]);
  });
  const keys = [...merged.keys()].sort();
  const forms = { keys, values: keys.map((k) => merged.get(k)!) };
  const cues = { ...base.cues };
  for (const [i, c] of Object.entries(extra.cues)) cues[Number(i) + offset] = c;
  return { ...base, entities: [...base.entities, ...extra.entities] as (E | CardEntity)[], forms, cues, links: base.links };
}
