/**
 * What the reader's reference packs say about this entity, read-only and apart from the reader's own
 * notes: each pack's label, its description (for a bundled entity) and its notes, shown as text.
 */
import type { PackOverlay } from '../../../core/packs/table';
import { t } from '../../../shared/i18n';

export interface PackNotesProps {
  packs: PackOverlay[];
}

export function PackNotes({ packs }: PackNotesProps) {
  return (
    <>
      {packs.map((p) => (
        <section key={p.packId} class="pack-notes" aria-label={t('packsCardLabel', p.packTitle)}>
          <p class="pack-label">{t('packsCardFrom', p.packTitle)}</p>
          {p.description && <p class="pack-text">{p.description}</p>}
          {p.notes.map((note, i) => (
            <p key={i} class="pack-text pack-note">
              {note}
            </p>
          ))}
          {p.url && (
            // Pack links are checked to be http or https when the pack is imported (core/packs/check.ts).
            <a class="pack-link" href={p.url} target="_blank" rel="noopener noreferrer">
              {t('packsCardMore')}
            </a>
          )}
        </section>
      ))}
    </>
  );
}
