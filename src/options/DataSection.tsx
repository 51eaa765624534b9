/**
 * "Your data": what Dramatis keeps and where (notes count, storage used, persistent storage), the
 * notebook's export and import, and "delete everything" behind a confirmation that names what goes.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { DataSummary, StorageStatus } from '../core/protocol/messages';
import { t, tCount } from '../shared/i18n';
import { send } from '../shared/messaging';
import { Section } from './Section';
import { reloadSettings } from './settings-store';

/** Bytes as a reader reads them (1.2 MB), in the UI language. */
function size(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'];
  let n = bytes;
  let u = 0;
  while (n >= 1000 && u < units.length - 1) {
    n /= 1000;
    u++;
  }
  return new Intl.NumberFormat(browser.i18n.getUILanguage(), {
    style: 'unit',
    unit: units[u],
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(n);
}

/** What "delete everything" takes, each count in words. */
function whatGoes(d: DataSummary): string[] {
  return [
    tCount('optionsDataNotes', d.notes),
    tCount('optionsDataTracked', d.personal),
    tCount('optionsDataCorrections', d.corrections),
    tCount('optionsDataPacks', d.packs),
    tCount('optionsDataChoices', d.choices),
    t('optionsDataSettings'),
  ];
}

export function DataSection() {
  const [summary, setSummary] = useState<DataSummary | undefined>(undefined);
  const [storage, setStorage] = useState<StorageStatus | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const cancel = useRef<HTMLButtonElement>(null);
  // The confirmation takes the keyboard focus, on its harmless button.
  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);
  const load = () => {
    void send({ type: 'data.summary' })
      .then(setSummary)
      .catch((err: unknown) => setStatus(err instanceof Error ? err.message : String(err)));
    void send({ type: 'storage.status' })
      .then(setStorage)
      .catch(() => undefined);
  };
  useEffect(load, []);
  const deleteAll = async () => {
    try {
      const gone = await send({ type: 'data.deleteAll' });
      setStatus(t('optionsDataDeleted', whatGoes(gone).join(', ')));
      setConfirming(false);
      await reloadSettings();
      load();
    } catch (err) {
      setStatus(t('optionsDataDeleteFailed', err instanceof Error ? err.message : String(err)));
    }
  };
  const notebook = browser.runtime.getURL('notebook.html');
  return (
    <Section id="data" title={t('optionsDataTitle')} lead={t('optionsDataLead')}>
      <dl class="facts">
        <dt>{t('optionsDataNotesLabel')}</dt>
        <dd data-testid="notes-count">{summary ? summary.notes.toLocaleString() : '…'}</dd>
        <dt>{t('optionsDataTrackedLabel')}</dt>
        <dd>{summary ? summary.personal.toLocaleString() : '…'}</dd>
        <dt>{t('optionsDataUsedLabel')}</dt>
        <dd>{storage?.usage !== undefined ? size(storage.usage) : t('optionsDataUnknown')}</dd>
        <dt>{t('optionsDataPersistentLabel')}</dt>
        <dd>{storage ? (storage.persisted ? t('optionsDataPersistentYes') : t('optionsDataPersistentNo')) : '…'}</dd>
      </dl>
      <p class="links">
        <a href={`${notebook}#export`} target="_blank" rel="noopener">
          {t('optionsDataExport')}
        </a>
        <a href={`${notebook}#export`} target="_blank" rel="noopener">
          {t('optionsDataImport')}
        </a>
      </p>
      {!confirming ? (
        <button type="button" class="danger" onClick={() => setConfirming(true)} disabled={!summary}>
          {t('optionsDataDeleteAll')}
        </button>
      ) : (
        summary && (
          <div class="confirm" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-list">
            <p id="confirm-title">
              <strong>{t('optionsDataConfirmTitle')}</strong>
            </p>
            <ul id="confirm-list">
              {whatGoes(summary).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <p class="muted small">{t('optionsDataConfirmHint')}</p>
            <div class="buttons">
              <button type="button" class="danger" onClick={() => void deleteAll()}>
                {t('optionsDataConfirmDelete')}
              </button>
              <button type="button" ref={cancel} onClick={() => setConfirming(false)}>
                {t('optionsDataCancel')}
              </button>
            </div>
          </div>
        )
      )}
      <p class="status" role="status">
        {status}
      </p>
    </Section>
  );
}
