/** "Your corrections": every "Not this?" correction, newest first, with delete and undo. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Correction } from '../core/corrections';
import { t } from '../shared/i18n';
import { send } from '../shared/messaging';
import { CorrectionItem } from './CorrectionItem';
import { Section } from './Section';

export function CorrectionsSection() {
  const [list, setList] = useState<Correction[] | undefined>(undefined);
  const [deleted, setDeleted] = useState<Correction | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const load = useCallback(() => {
    send({ type: 'corrections.list' })
      .then((all) => {
        setList([...all].sort((a, b) => b.updated - a.updated));
        setError(undefined);
      })
      .catch((err: unknown) => setError(t('correctionsLoadFailed', err instanceof Error ? err.message : String(err))));
  }, []);

  useEffect(() => {
    load();
    // Corrections made in a tab while this page was in the background show when it comes back.
    const onVisible = () => document.visibilityState === 'visible' && load();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [load]);

  const fail = (err: unknown) => setError(t('correctionsActionFailed', err instanceof Error ? err.message : String(err)));

  const remove = (c: Correction) => {
    send({ type: 'corrections.delete', id: c.id })
      .then((gone) => {
        setDeleted(gone ?? c);
        load();
      })
      .catch(fail);
  };

  const undo = () => {
    if (!deleted) return;
    send({ type: 'corrections.save', correction: deleted })
      .then(() => {
        setDeleted(undefined);
        load();
      })
      .catch(fail);
  };

  return (
    <Section id="corrections" title={t('correctionsSectionTitle')} lead={t('correctionsSectionLead')}>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {deleted && (
        <p class="undo" role="status">
          {t('correctionsDeleted', deleted.surface)}{' '}
          <button type="button" onClick={undo}>
            {t('correctionsUndo')}
          </button>
        </p>
      )}
      {list && list.length === 0 && <p class="muted">{t('correctionsEmpty')}</p>}
      {list && list.length > 0 && (
        <ul class="corrections" aria-label={t('correctionsListLabel')}>
          {list.map((c) => (
            <CorrectionItem key={c.id} correction={c} onDelete={remove} />
          ))}
        </ul>
      )}
    </Section>
  );
}
