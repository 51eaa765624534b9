/** The reader's own notes on an entity, in its card: how many, the latest, and a way to add one. */
import type { NoteSummary } from '../core/protocol/messages';
import { t, tCount } from '../shared/i18n';

export interface NotesSummaryProps {
  notes?: NoteSummary;
  onAdd?: () => void;
}

export function NotesSummary({ notes, onAdd }: NotesSummaryProps) {
  const count = notes?.count ?? 0;
  return (
    <section class="notes" aria-label={t('frameYourNotes')}>
      <p class="notes-head">
        <span>{count === 0 ? t('frameNoNotes') : tCount('frameNotesCount', count)}</span>
        {onAdd && (
          <button type="button" class="add-note" onClick={onAdd}>
            {t('frameAddNote')}
          </button>
        )}
      </p>
      {notes?.latest && <p class="notes-latest">{notes.latest.text}</p>}
    </section>
  );
}
