/** The welcome demo's card: name, kind, dates and description of the entity a demo name links to. */
import { useEffect, useState } from 'preact/hooks';
import { formatLifespan } from '../core/dates';
import { isCardEntity, type CardEntity, type MatchEntity } from '../core/index/format';
import type { Mention } from '../core/match/mention';
import { t } from '../shared/i18n';
import { send } from '../shared/messaging';

export interface DemoCardProps {
  mention: Mention;
  entities: Record<string, CardEntity | MatchEntity>;
  onClose(): void;
}

export function DemoCard({ mention, entities, onClose }: DemoCardProps) {
  const id = mention.id ?? mention.candidates?.[0];
  const known = id ? entities[id] : undefined;
  const [entity, setEntity] = useState<CardEntity | MatchEntity | undefined>(known);
  useEffect(() => {
    setEntity(known);
    // The description arrives with the card texts, as on a page.
    if (id && known && !isCardEntity(known))
      void send({ type: 'entities.get', ids: [id] })
        .then(([full]) => full && setEntity(full))
        .catch(() => undefined);
  }, [id]);
  if (!entity) return null;
  const span = formatLifespan(entity);
  return (
    <section class="demo-card" aria-label={entity.name}>
      <p class="demo-card-head">
        <strong>{entity.name}</strong> <span class={`badge kind-text-${entity.type}`}>{t(`optionsType_${entity.type}`)}</span>
      </p>
      {span && <p class="muted">{span}</p>}
      {isCardEntity(entity) && <p>{entity.description}</p>}
      {!mention.id && <p class="muted small">{t('welcomeDemoAmbiguous')}</p>}
      <button type="button" onClick={onClose}>
        {t('welcomeDemoClose')}
      </button>
    </section>
  );
}
