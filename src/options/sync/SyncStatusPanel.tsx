/** Sync while it is on: where to, the last round's outcome, and "Sync now", "Stop syncing", "Remove my data from the server". */
import { useState } from 'preact/hooks';
import type { SyncStatus } from '../../core/protocol/messages';
import { t } from '../../shared/i18n';
import { send } from '../../shared/messaging';
import { outcomeText, problemText } from './sync-text';

export interface SyncStatusPanelProps {
  status: SyncStatus;
  onChange: (status: SyncStatus) => void;
}

export function SyncStatusPanel({ status, onChange }: SyncStatusPanelProps) {
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [error, setError] = useState('');
  const act = (run: () => Promise<SyncStatus | void>) => () => {
    setError('');
    void run().then(
      (s) => s && onChange(s),
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  };
  const remove = act(async () => {
    const check = await send({ type: 'sync.removeServerData' });
    if (!check.ok) {
      setError(problemText(check.problem));
      return;
    }
    return send({ type: 'sync.status' });
  });
  return (
    <div class="sync-panel">
      <p>{t('syncOnWith', status.server ?? '', status.user ?? '', status.deviceName ?? '')}</p>
      <p role="status" class={status.outcome === 'error' && !status.running ? 'error sync-outcome' : 'sync-outcome'}>
        {outcomeText(status)}
      </p>
      {status.skipped.length > 0 && (
        <details>
          <summary>{t('syncSkipped', status.skipped.length)}</summary>
          <ul>
            {status.skipped.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </details>
      )}
      <div class="actions">
        <button type="button" class="primary" onClick={act(() => send({ type: 'sync.now' }))} disabled={status.running}>
          {t('syncNow')}
        </button>
        <button type="button" onClick={act(() => send({ type: 'sync.disable' }))}>
          {t('syncStop')}
        </button>
        {confirmRemove ? (
          <>
            <button type="button" class="danger" onClick={remove}>
              {t('syncRemoveConfirm')}
            </button>
            <button type="button" onClick={() => setConfirmRemove(false)}>
              {t('syncCancel')}
            </button>
          </>
        ) : (
          <button type="button" class="danger" onClick={() => setConfirmRemove(true)}>
            {t('syncRemove')}
          </button>
        )}
      </div>
      {confirmRemove && <p class="muted">{t('syncRemoveExplain')}</p>}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
