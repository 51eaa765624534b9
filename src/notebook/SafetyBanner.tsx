/** The full-disk guard's warnings: a notebook found wiped (restore the safety copy) and the first full-disk error (back up now). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { exportFileName } from '../core/export/filenames';
import type { SafetyState } from '../core/protocol/messages';
import { importBackupText, readSafetyCopy } from '../shared/backup-client';
import { download } from '../shared/download';
import { exportNotes } from '../shared/export-client';
import { t } from '../shared/i18n';
import { send } from '../shared/messaging';

export interface SafetyBannerProps {
  /** After a restore or a resume: the notebook reloads its list. */
  onChanged(): void;
}

const day = (ms: number): string => new Date(ms).toLocaleString();
const megabytes = (bytes?: number): string => (bytes === undefined ? '?' : (bytes / 1024 / 1024).toFixed(1));

export function SafetyBanner({ onChanged }: SafetyBannerProps) {
  const [state, setState] = useState<SafetyState>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const refresh = () =>
    void send({ type: 'storage.status' }).then(
      (s) => setState(s.safety),
      () => undefined,
    );
  useEffect(refresh, []);
  // Opened from the popup's wiped-store line (notebook.html#safety): the restore is the next step.
  const restoreButton = useRef<HTMLButtonElement>(null);
  const lostNow = Boolean(state?.lost);
  useEffect(() => {
    if (lostNow && location.hash === '#safety') restoreButton.current?.focus();
  }, [lostNow]);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setStatus(await work());
      refresh();
      onChanged();
    } catch (err) {
      setStatus(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const restore = () =>
    act(async () => {
      const copy = await readSafetyCopy();
      const r = await importBackupText(copy.text);
      return t('safetyRestored', String(r.notesAdded), String(r.notesUpdated));
    });
  const saveCopy = () =>
    act(async () => {
      const copy = await readSafetyCopy();
      const fileName = exportFileName('backup', copy.madeAt, 'safety copy');
      download(fileName, copy.text, 'application/json');
      return t('safetySavedFile', fileName);
    });
  const backupNow = () => act(async () => t('safetySavedFile', (await exportNotes('backup', [], '')).fileName));
  const dismiss = () => act(async () => ((await send({ type: 'safety.resume' })) ? t('safetyResumed') : ''));

  if (!state || (!state.lost && !state.quotaError)) return null;
  const { lost, quotaError, copy } = state;
  return (
    <section class="safety" role="alert" aria-label={t('safetyBannerLabel')}>
      {lost ? (
        <>
          <h2>{t('safetyLostTitle')}</h2>
          <p>{t('safetyLostBody', String(lost.found), String(lost.expected))}</p>
          {copy ? <p>{t('safetyCopyAvailable', day(copy.madeAt), String(copy.notes))}</p> : <p>{t('safetyNoCopy')}</p>}
          <div class="safety-actions">
            {copy && (
              <button type="button" class="primary" ref={restoreButton} disabled={busy} onClick={() => void restore()}>
                {t('safetyRestore')}
              </button>
            )}
            {copy && (
              <button type="button" disabled={busy} onClick={() => void saveCopy()}>
                {t('safetyDownloadCopy')}
              </button>
            )}
            <button type="button" disabled={busy} onClick={() => void dismiss()}>
              {t('safetyContinue')}
            </button>
          </div>
        </>
      ) : (
        quotaError && (
          <>
            <h2>{t('safetyQuotaTitle')}</h2>
            <p>{t('safetyQuotaBody', day(quotaError.at), megabytes(quotaError.usage), megabytes(quotaError.quota))}</p>
            <div class="safety-actions">
              <button type="button" class="primary" disabled={busy} onClick={() => void backupNow()}>
                {t('safetyBackupNow')}
              </button>
              <button type="button" disabled={busy} onClick={() => void dismiss()}>
                {t('safetyDismiss')}
              </button>
            </div>
          </>
        )
      )}
      {status && <p class="safety-status">{status}</p>}
    </section>
  );
}
