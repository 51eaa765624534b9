/** "Save as JSON" and "Save as CSV": a pack's two file formats, for an installed pack and for the reader's own. */
import { t } from '../shared/i18n';

interface PackSaveButtonsProps {
  onSave(format: 'json' | 'csv'): void;
}

export function PackSaveButtons({ onSave }: PackSaveButtonsProps) {
  return (
    <>
      <button type="button" onClick={() => onSave('json')}>
        {t('packsSaveJson')}
      </button>
      <button type="button" onClick={() => onSave('csv')}>
        {t('packsSaveCsv')}
      </button>
    </>
  );
}
