/** Export and backup in the notebook: Markdown, Obsidian, W3C annotations, backup, and import. */
import { useRef, useState } from 'preact/hooks';
import type { NoteQuery } from '../core/notes/query';
import { allNotes, exportNotes, type ExportFormat } from '../shared/export-client';
import { importBackupText } from '../shared/backup-client';
import { t } from '../shared/i18n';
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
      const { fileName, count } = await exportNotes(format, notes, filtered ? 'Dramatis notes (filtered)' : 'Dramatis notes');
      setStatus(`Saved ${fileName} (${count} ${count === 1 ? 'note' : 'notes'}).`);
    } catch (err) {
      setStatus(`Export failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (f: File) => {
    setBusy(true);
    setRetryFile(undefined);
    try {
      const r = await importBackupText(await f.text());
      setStatus(
        `Imported ${f.name}: ${r.notesAdded} new, ${r.notesUpdated} updated, ${r.notesUnchanged} already here${r.personalAdded + r.personalUpdated ? `; ${r.personalAdded + r.personalUpdated} tracked names` : ''}.`,
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
    <section class="export" id="export" aria-label="Export and backup">
      <div class="export-buttons">
        <button type="button" disabled={busy} onClick={() => void run('markdown')}>
          Export Markdown
        </button>
        <button type="button" disabled={busy} onClick={() => void run('obsidian')}>
          Export for Obsidian
        </button>
        <button type="button" disabled={busy} onClick={() => void run('annotations')}>
          Export annotations
        </button>
        <button type="button" disabled={busy} onClick={() => void run('backup')}>
          Export backup
        </button>
        <button type="button" disabled={busy} onClick={() => file.current?.click()}>
          Import backup
        </button>
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          aria-label="Backup file to import"
          hidden
          onChange={(e) => {
            const f = (e.target as HTMLInputElement).files?.[0];
            if (f) void importFile(f);
          }}
        />
      </div>
      {filtered && (
        <p class="export-scope">Markdown, Obsidian and annotation exports cover the notes shown by the current search and filters.</p>
      )}
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
