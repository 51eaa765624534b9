/** Reference packs on the options page: import (file chooser or drop), the list with on/off and remove, and the reader's names exported as a pack. */
import { useEffect, useState } from 'preact/hooks';
import type { PackListItem } from '../core/protocol/messages';
import { t } from '../shared/i18n';
import { send } from '../shared/messaging';
import { PackDropZone } from './PackDropZone';
import { PackExport } from './PackExport';
import { PackReport, type ImportReport } from './PackReport';
import { PackRow } from './PackRow';

/** A little over the pack limit (2 MB): a bigger file is refused here, before it is read. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

export function PacksSection() {
  const [packs, setPacks] = useState<PackListItem[] | undefined>(undefined);
  const [report, setReport] = useState<ImportReport | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);

  const refresh = () =>
    send({ type: 'packs.list' })
      .then(setPacks)
      .catch((err: unknown) => setFailure(err instanceof Error ? err.message : String(err)));
  useEffect(() => void refresh(), []);

  const importFile = async (file: File) => {
    setReport(undefined);
    if (file.size > MAX_FILE_BYTES) {
      setReport({ ok: false, fileName: file.name, problems: [t('packsTooLarge')], warnings: [] });
      return;
    }
    try {
      const result = await send({ type: 'packs.import', fileName: file.name, text: await file.text() });
      setReport({ ...result, fileName: file.name });
      if (result.ok) await refresh();
    } catch (err) {
      setReport({ ok: false, fileName: file.name, problems: [err instanceof Error ? err.message : String(err)], warnings: [] });
    }
  };

  const act = (action: Promise<unknown>) =>
    action.then(refresh).catch((err: unknown) => setFailure(err instanceof Error ? err.message : String(err)));

  return (
    <>
      <PackDropZone onFile={(file) => void importFile(file)} />
      {report && <PackReport report={report} />}
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
      {packs && packs.length === 0 && <p class="muted">{t('packsNone')}</p>}
      {packs && packs.length > 0 && (
        <ul class="packs" aria-label={t('packsListLabel')}>
          {packs.map((p) => (
            <PackRow
              key={p.id}
              pack={p}
              onToggle={(enabled) => act(send({ type: 'packs.setEnabled', id: p.id, enabled }))}
              onRemove={() => act(send({ type: 'packs.remove', id: p.id }))}
            />
          ))}
        </ul>
      )}
      <PackExport />
    </>
  );
}
