/** A highlighted passage's card body: the reader's note on it, rendered from Markdown, with "Edit". */
import type { Note } from '../core/notes/model';
import { t } from '../shared/i18n';
import { Markdown } from '../shared/ui/Markdown';

export interface NoteViewProps {
  note: Note;
  onEdit?: () => void;
}

export function NoteView({ note, onEdit }: NoteViewProps) {
  return (
    <div class="note-view">
      <div class="head">
        <h2 class="name">{t('frameYourNote')}</h2>
        <span class="badge badge-note">{t('frameNoteBadge')}</span>
      </div>
      <Markdown text={note.text} class="md note-text" />
      {note.tags.length > 0 && <p class="note-tags">{note.tags.map((tag) => `#${tag}`).join(' ')}</p>}
      <div class="foot">
        <span class="note-date">
          {new Date(note.updated).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })}
        </span>
        {onEdit && (
          <button type="button" class="add-note" onClick={onEdit}>
            {t('frameEdit')}
          </button>
        )}
      </div>
    </div>
  );
}
