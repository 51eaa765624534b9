/** One correction in the options page: what the name is, where, and a Delete button. */
import type { Correction } from '../core/corrections';
import { t } from '../shared/i18n';

export interface CorrectionItemProps {
  correction: Correction;
  onDelete: (c: Correction) => void;
}

/** Where a correction applies, in words. */
export function placeText(c: Correction): string {
  if (c.scope === 'everywhere') return t('correctionsEverywhere');
  return c.scope === 'site' ? t('correctionsOnSite', c.where) : t('correctionsOnPage', c.where);
}

export function CorrectionItem({ correction: c, onDelete }: CorrectionItemProps) {
  const what = c.entityId === null ? t('correctionsNotNamed', c.surface) : t('correctionsLinkedTo', c.surface, c.entityName ?? c.entityId);
  const where = placeText(c);
  return (
    <li class="correction-item">
      <div class="correction-what">
        <strong>{what}</strong>
        <span class="muted correction-where">
          {where} · <time dateTime={new Date(c.updated).toISOString()}>{new Date(c.updated).toLocaleDateString()}</time>
        </span>
      </div>
      <button type="button" class="danger" aria-label={t('correctionsDeleteLabel', c.surface, where)} onClick={() => onDelete(c)}>
        {t('correctionsDelete')}
      </button>
    </li>
  );
}
