/** Everything a card shows beyond the entity record, gathered in the background. */
import { DramatisError } from '../core/protocol/errors';
import type { CardDetails } from '../core/protocol/messages';
import { cardRelations, entityById, packOverlays } from './detector';
import { locatorMap } from './maps';
import { entityNoteSummary } from './notes-store';

export async function cardDetails(id: string, onPage: string[]): Promise<CardDetails> {
  const entity = await entityById(id);
  if (!entity) throw new DramatisError('not-found', `unknown entity "${id}"`);
  const [relations, map, notes, packs] = await Promise.all([
    cardRelations(id, onPage),
    entity.type === 'place' && entity.wikipedia ? locatorMap(entity).catch(() => undefined) : Promise.resolve(undefined),
    entityNoteSummary(id),
    packOverlays(id),
  ]);
  return { relations, map, notes, ...(packs.length > 0 ? { packs } : {}) };
}
