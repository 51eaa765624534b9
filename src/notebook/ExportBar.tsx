/** Export and backup in the notebook: Markdown, Obsidian, W3C annotations, backup, and import. */
import { useRef, useState } from 'preact/hooks';
import type { NoteQuery } from '../core/notes/query';
import { allNotes, exportNotes, type ExportFormat } from '../shared/export-client';
import { importBackupText } from '../shared/backup-client';
import { t, tCount } from '../shared/i18n';
import { codeOf } from '../shared/messaging';

export interface ExportBarProps {
  /** The notebook's current filter: exports cover what the reader is looking at. */
  query: NoteQuery;
  filtered: boolean;
  onImported(): void;
}

export function ExportBar({ query, filtered, onImported }: ExportBarProps) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  /** A file whose import was interrupted (nothing changed), offered again with one click. */
  const [retryFile, setRetryFile] = useState<File | undefined>();
  const file = useRef<HTMLInputElement>(null);

  const run = async (format: ExportFormat) => {
    setBusy(true);
    try {
      const notes = format === 'backup' ? [] : await allNotes(filtered ? query : {});
      const { fileName, count } = await exportNotes(format, notes, filtered ? t('notebookExportTitleFiltered') : t('notebookExportTitle'));
      setStatus(tCount('notebookSaved', count, fileName));
    } catch (err) {
      setStatus(t('notebookExportFailed', err instanceof Error ? err.message : String(err)));
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (f: File) => {
    setBusy(true);
    setRetryFile(undefined);
    try {
      const r = await importBackupText(await f.text());
      const tracked = r.personalAdded + r.personalUpdated;
      setStatus(
        t(
          'notebookImported',
          f.name,
          r.notesAdded,
          r.notesUpdated,
          r.notesUnchanged,
          tracked ? tCount('notebookImportedTracked', tracked) : '',
        ),
      );
      onImported();
    } catch (err) {
      setStatus(err instanceof Error ? err.message : String(err));
      if (codeOf(err) === 'unavailable') setRetryFile(f);
    } finally {
      setBusy(false);
      if (file.current) file.current.value = '';
    }
  };

  return (
    <section class="export" id="export" aria-label={t('notebookExportLabel')}>
      <div class="export-buttons">
        <button type="button" disabled={busy} onClick={() => void run('markdown')}>
          {t('notebookExportMarkdown')}
        </button>
        <button type="button" disabled={busy} onClick={() => void run('obsidian')}>
          {t('notebookExportObsidian')}
        </button>
        <button type="button" disabled={busy} onClick={() => void run('annotations')}>
          {t('notebookExportAnnotations')}
        </button>
        <button type="button" disabled={busy} onClick={() => void run('backup')}>
          {t('notebookExportBackup')}
        </button>
        <button type="button" disabled={busy} onClick={() => file.current?.click()}>
          {t('notebookImportBackup')}
        </button>
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          aria-label={t('notebookImportFileLabel')}
          hidden
          onChange={(e) => {
            const f = (e.target as HTMLInputElement).files?.[0];
            if (f) void importFile(f);
          }}
        />
      </div>
      {filtered && <p class="export-scope">{t('notebookExportScope')}</p>}
      <p class="export-status" role="status">
        {status}
      </p>
      {retryFile && (
        <button type="button" disabled={busy} onClick={() => void importFile(retryFile)}>
          {t('safetyImportAgain')}
        </button>
      )}
    </section>
  );
}
