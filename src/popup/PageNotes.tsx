/** This page's notes in the popup: passage notes with their quote, page notes, and orphans marked. */
import type { Note } from '../core/notes/model';
import { t } from '../shared/i18n';
import { Markdown } from '../shared/ui/Markdown';

export function PageNotes({ notes, orphans }: { notes: Note[]; orphans: string[] }) {
  if (notes.length === 0) return <p class="empty">{t('popupNoNotes')}</p>;
  const lost = new Set(orphans);
  return (
    <ul class="page-notes">
      {notes.map((n) => (
        <li key={n.id} class="page-note">
          {n.kind === 'passage' && <blockquote class="quote">{n.target.quote.exact.slice(0, 200)}</blockquote>}
          {lost.has(n.id) && <p class="orphan">{t('popupOrphan')}</p>}
          <Markdown text={n.text.length > 600 ? `${n.text.slice(0, 600)}…` : n.text} />
          {n.tags.length > 0 && <p class="tags">{n.tags.map((tag) => `#${tag}`).join(' ')}</p>}
        </li>
      ))}
    </ul>
  );
}
