/** The small coloured label naming what kind of entity a card is about. */
import type { EntityType } from '../../core/dataset/types';

const LABELS: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  event: 'Event',
  work: 'Work',
};

export function TypeBadge({ type }: { type: EntityType }) {
  return <span class={`badge badge-${type}`}>{LABELS[type]}</span>;
}
