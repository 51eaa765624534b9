/** A tracked name's card body: its name, type and description, all the reader's own, and their notes on it. */
import type { CardEntity } from '../core/index/format';
import type { NoteSummary } from '../core/protocol/messages';
import { t } from '../shared/i18n';
import { NotesSummary } from './NotesSummary';

export interface PersonalCardProps {
  entity: CardEntity;
  notes?: NoteSummary;
  onAdd?: () => void;
}

export function PersonalCard({ entity, notes, onAdd }: PersonalCardProps) {
  return (
    <div class="personal">
      <div class="head">
        <h2 class="name">{entity.name}</h2>
        <span class={`badge badge-${entity.type}`}>{t(`frameType_${entity.type}`)}</span>
      </div>
      <p class="tracked">{t('frameTrackedName')}</p>
      {entity.description && <p class="description">{entity.description}</p>}
      <NotesSummary notes={notes} onAdd={onAdd} />
    </div>
  );
}
