/** The card for a highlighted passage: the reader's note on it, rendered from Markdown. */
import type { Note } from '../../core/notes/model';
import { Markdown } from '../../shared/ui/Markdown';

export function NoteCard({ note, onEdit }: { note: Note; onEdit?: () => void }) {
  return (
    <div class="card note-card" role="dialog" aria-label="Your note" tabIndex={-1}>
      <div class="head">
        <h2 class="name">Your note</h2>
        <span class="badge badge-note">Note</span>
      </div>
      <Markdown text={note.text} class="md note-text" />
      {note.tags.length > 0 && <p class="note-tags">{note.tags.map((t) => `#${t}`).join(' ')}</p>}
      <div class="foot">
        <span class="note-date">
          {new Date(note.updated).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })}
        </span>
        {onEdit && (
          <button type="button" class="add-note" onClick={onEdit}>
            Edit
          </button>
        )}
      </div>
    </div>
  );
}
