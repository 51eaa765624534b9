/** "Your tracked names": the names the reader tracks (not in the dataset), each deletable, with undo. */
import { useEffect, useState } from 'preact/hooks';
import type { PersonalEntity } from '../core/personal';
import { t } from '../shared/i18n';
import { send } from '../shared/messaging';
import { Section } from './Section';
import { UndoNotice } from './UndoNotice';

export function TrackedNamesSection() {
  const [names, setNames] = useState<PersonalEntity[] | undefined>(undefined);
  const [deleted, setDeleted] = useState<PersonalEntity | undefined>(undefined);
  const [error, setError] = useState('');
  const load = () =>
    send({ type: 'personal.list' })
      .then((list) => setNames([...list].sort((a, b) => a.name.localeCompare(b.name))))
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  useEffect(() => void load(), []);
  const remove = async (entity: PersonalEntity) => {
    try {
      await send({ type: 'personal.delete', id: entity.id });
      setDeleted(entity);
      await load();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const undo = async () => {
    if (!deleted) return;
    const entity = deleted;
    setDeleted(undefined);
    await send({ type: 'personal.save', entity }).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
    await load();
  };
  return (
    <Section id="tracked" title={t('optionsTrackedTitle')} lead={t('optionsTrackedLead')}>
      {names === undefined ? null : names.length === 0 ? (
        <p class="muted">{t('optionsTrackedNone')}</p>
      ) : (
        <ul class="tracked-list">
          {names.map((e) => (
            <li key={e.id}>
              <span class="tracked-name">{e.name}</span> <span class="muted small">{t(`optionsType_${e.type}`)}</span>
              {e.aliases.length > 0 && <span class="muted small"> · {e.aliases.join(', ')}</span>}
              <button type="button" onClick={() => void remove(e)} aria-label={t('optionsTrackedDeleteLabel', e.name)}>
                {t('optionsTrackedDelete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {deleted && (
        <UndoNotice text={t('optionsTrackedDeleted', deleted.name)} onUndo={() => void undo()} onDismiss={() => setDeleted(undefined)} />
      )}
    </Section>
  );
}
