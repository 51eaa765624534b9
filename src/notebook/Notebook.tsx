/** The notebook: every note the reader has written, searchable, filterable, editable, deletable with undo. */
import { useEffect, useState } from 'preact/hooks';
import type { Note } from '../core/notes/model';
import type { NoteQuery } from '../core/notes/query';
import { t, tCount } from '../shared/i18n';
import { saveNote } from '../shared/save-note';
import { send } from '../shared/messaging';
import { ExportBar } from './ExportBar';
import { SafetyBanner } from './SafetyBanner';
import { Filters } from './Filters';
import { NoteItem } from './NoteItem';
import { UndoBar } from './UndoBar';
import { useNotes } from './useNotes';

export function Notebook() {
  const [text, setText] = useState('');
  const [query, setQuery] = useState<NoteQuery>({ sort: 'newest' });
  const [deleted, setDeleted] = useState<Note>();
  // The searchbox waits for a pause in typing (120 ms) before asking the background.
  useEffect(() => {
    const timer = setTimeout(() => setQuery((q) => ({ ...q, text: text.trim() || undefined })), 120);
    return () => clearTimeout(timer);
  }, [text]);
  const { result, error, loadMore, reload } = useNotes(query);

  const remove = async (note: Note) => {
    await send({ type: 'notes.delete', id: note.id });
    setDeleted(note);
    reload();
  };
  const undo = async () => {
    if (!deleted) return;
    await saveNote(deleted);
    setDeleted(undefined);
    reload();
  };
  const save = async (note: Note) => {
    await saveNote(note);
    reload();
  };

  return (
    <main class="notebook">
      <header class="nb-head">
        <h1>{t('notebookTitle')}</h1>
        <input
          type="search"
          class="search"
          aria-label={t('notebookSearchLabel')}
          placeholder={t('notebookSearchPlaceholder')}
          value={text}
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
        />
      </header>
      <SafetyBanner onChanged={reload} />
      <Filters query={query} facets={result?.facets} onChange={(patch) => setQuery((q) => ({ ...q, ...patch }))} />
      <ExportBar query={query} filtered={Boolean(query.text || query.tag || query.site || query.entityId)} onImported={reload} />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <p class="count" aria-live="polite">
        {result ? tCount('notebookCount', result.total) : t('notebookLoading')}
      </p>
      <div class="list">
        {result?.notes.map((n) => (
          <NoteItem key={`${n.id}-${n.updated}`} note={n} onSave={save} onDelete={(note) => void remove(note)} />
        ))}
      </div>
      {result && result.notes.length < result.total && (
        <button type="button" class="more" onClick={loadMore}>
          {t('notebookShowMore')}
        </button>
      )}
      {result?.total === 0 && (
        <p class="empty">{text || query.tag || query.site || query.entityId ? t('notebookNoMatch') : t('notebookEmpty')}</p>
      )}
      {deleted && <UndoBar onUndo={() => void undo()} onDismiss={() => setDeleted(undefined)} />}
    </main>
  );
}
