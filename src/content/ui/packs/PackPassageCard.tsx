/**
 * The card of a reference pack's note on a passage: read-only, labelled with the pack's title, and
 * drawn apart from the reader's own notes (those open in the notes frame with an Edit button; this
 * is the pack author's text, shown as text in the closed root like the pack's part of a name's card).
 */
import type { PackPassageNote } from '../../../core/packs/passages';
import { t } from '../../../shared/i18n';

export interface PackPassageCardProps {
  note: PackPassageNote;
  /** Narrow screens: the card is a sheet along the bottom. */
  sheet?: boolean;
}

export function PackPassageCard({ note, sheet }: PackPassageCardProps) {
  return (
    <div
      class={sheet ? 'card sheet pack-passage-card' : 'card pack-passage-card'}
      role="dialog"
      aria-label={t('packsPassageCardLabel', note.packTitle)}
      tabIndex={-1}
    >
      <section class="pack-notes">
        <p class="pack-label">{t('packsCardFrom', note.packTitle)}</p>
        <p class="pack-text pack-note">{note.text}</p>
      </section>
      <p class="pack-read-only">{t('packsPassageReadOnly')}</p>
    </div>
  );
}
