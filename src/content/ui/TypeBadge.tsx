/** The small coloured label naming what kind of entity a card is about. */
import type { EntityType } from '../../core/dataset/types';
import { t } from '../../shared/i18n';

/** The key of each type's label. */
const LABELS: Record<EntityType, string> = {
  person: 'cardTypePerson',
  organization: 'cardTypeOrganization',
  place: 'cardTypePlace',
  event: 'cardTypeEvent',
  work: 'cardTypeWork',
};

export function TypeBadge({ type }: { type: EntityType }) {
  return <span class={`badge badge-${type}`}>{t(LABELS[type])}</span>;
}
