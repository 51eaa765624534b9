/** The reader's tracked names and entity notes saved as a pack file (JSON or CSV), to share with a class or a study group. */
import { useState } from 'preact/hooks';
import { serializeCsvPack } from '../core/packs/csv';
import { serializeJsonPack } from '../core/packs/json';
import { slugOf } from '../core/text/fold';
import { download } from '../shared/download';
import { t, tCount } from '../shared/i18n';
import { send } from '../shared/messaging';
import { PackSaveButtons } from './PackSaveButtons';

export function PackExport() {
  const [title, setTitle] = useState('');
  const [status, setStatus] = useState<{ error: boolean; text: string } | undefined>(undefined);
  const save = async (format: 'json' | 'csv') => {
    try {
      const pack = await send({ type: 'packs.export', title: title.trim() || t('packsExportDefaultTitle') });
      if (pack.entities.length === 0) {
        setStatus({ error: true, text: t('packsExportEmpty') });
        return;
      }
      const name = slugOf(pack.title) || 'my-names';
      if (format === 'json') download(`${name}.pack.json`, serializeJsonPack(pack), 'application/json');
      else download(`${name}.csv`, serializeCsvPack(pack), 'text/csv');
      setStatus({ error: false, text: `${tCount('packsEntities', pack.entities.length)} · ${tCount('packsNotes', pack.notes.length)}` });
    } catch (err) {
      setStatus({ error: true, text: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <fieldset class="pack-export">
      <legend>{t('packsExportTitle')}</legend>
      <p class="muted">{t('packsExportLead')}</p>
      <label>
        <span>{t('packsExportName')}</span>
        <input
          type="text"
          value={title}
          placeholder={t('packsExportDefaultTitle')}
          maxLength={120}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </label>
      <div class="pack-actions">
        <PackSaveButtons onSave={(format) => void save(format)} />
      </div>
      {status && (
        <p class={status.error ? 'error' : 'muted'} role="status">
          {status.text}
        </p>
      )}
    </fieldset>
  );
}
