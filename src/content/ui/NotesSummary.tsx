/** The reader's own notes on this entity: how many, the latest, and a way to add one. */
import type { NoteSummary } from '../../core/protocol/messages';

export interface NotesSummaryProps {
  notes?: NoteSummary;
  onAdd?: () => void;
}

export function NotesSummary({ notes, onAdd }: NotesSummaryProps) {
  const count = notes?.count ?? 0;
  return (
    <section class="notes" aria-label="Your notes">
      <p class="notes-head">
        <span>{count === 0 ? 'No notes yet' : `${count} ${count === 1 ? 'note' : 'notes'}`}</span>
        {onAdd && (
          <button type="button" class="add-note" onClick={onAdd}>
            Add note
          </button>
        )}
      </p>
      {notes?.latest && <p class="notes-latest">{notes.latest.text}</p>}
    </section>
  );
}
