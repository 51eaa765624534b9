/** How this entity relates to others: those also on this page first, each a link to its card. */
import type { RelationLine } from '../../core/relations';
import { t } from '../../shared/i18n';

export interface RelationListProps {
  relations: RelationLine[];
  /** Opens the card of a related entity that is on this page. */
  onShow?: (id: string) => void;
}

export function RelationList({ relations, onShow }: RelationListProps) {
  if (relations.length === 0) return null;
  return (
    <ul class="relations" aria-label={t('cardRelations')}>
      {relations.map((r) => (
        <li key={r.id} class={r.onPage ? 'rel rel-on-page' : 'rel'}>
          {r.phrase}{' '}
          {r.onPage && onShow ? (
            <button type="button" class="rel-name" onClick={() => onShow(r.id)}>
              {r.name}
            </button>
          ) : (
            <span class="rel-name">{r.name}</span>
          )}
          {r.onPage && <span class="rel-here">{t('cardAlsoOnPage')}</span>}
        </li>
      ))}
    </ul>
  );
}
