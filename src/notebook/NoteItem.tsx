/** One note in the notebook: where it was written, the passage or entity, the text; edit and delete. */
import { useState } from 'preact/hooks';
import { noteLink } from '../core/notes/links';
import { parseTags, type Note } from '../core/notes/model';
import { t } from '../shared/i18n';
import { Markdown } from '../shared/ui/Markdown';

export interface NoteItemProps {
  note: Note;
  onSave(note: Note): Promise<void>;
  onDelete(note: Note): void;
}

/** The key of each kind's label. */
const KIND = { page: 'notebookKindPage', passage: 'notebookKindPassage', entity: 'notebookKindEntity' } as const;

export function NoteItem({ note, onSave, onDelete }: NoteItemProps) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.text);
  const [tags, setTags] = useState(note.tags.join(' '));
  const [error, setError] = useState('');
  const link = noteLink(note);
  const save = async () => {
    try {
      await onSave({ ...note, text, tags: parseTags(tags), updated: Date.now() });
      setEditing(false);
      setError('');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <article
      class={`note note-${note.kind}`}
      aria-label={t('notebookNoteOn', note.kind === 'entity' ? note.entityName : note.page.title || note.page.url)}
    >
      <header class="note-meta">
        <span class="kind">
          {t(KIND[note.kind])}
          {note.kind === 'entity' ? ` ${note.entityName}` : ''}
        </span>
        {note.page &&
          (link ? (
            <a href={link} target="_blank" rel="noopener noreferrer" class="page-link">
              {note.page.title || note.page.url}
            </a>
          ) : (
            <span class="page-link">{note.page.title || note.page.url}</span>
          ))}
        <time dateTime={new Date(note.updated).toISOString()}>
          {new Date(note.updated).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
        </time>
      </header>
      {note.kind === 'passage' && <blockquote class="quote">{note.target.quote.exact}</blockquote>}
      {editing ? (
        <div class="edit">
          <textarea
            aria-label={t('notebookNoteLabel')}
            rows={5}
            value={text}
            onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          />
          <input
            type="text"
            aria-label={t('notebookTagsLabel')}
            value={tags}
            onInput={(e) => setTags((e.target as HTMLInputElement).value)}
          />
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <div class="actions">
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setEditing(false);
                setText(note.text);
              }}
            >
              {t('notebookCancel')}
            </button>
            <button type="button" class="primary" onClick={() => void save()}>
              {t('notebookSave')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <Markdown text={note.text} />
          {note.tags.length > 0 && <p class="tags">{note.tags.map((tag) => `#${tag}`).join(' ')}</p>}
          <div class="actions">
            <button type="button" class="secondary" onClick={() => setEditing(true)}>
              {t('notebookEdit')}
            </button>
            <button type="button" class="secondary danger" onClick={() => onDelete(note)}>
              {t('notebookDelete')}
            </button>
          </div>
        </>
      )}
    </article>
  );
}
