/** The small bar beside a text selection: add a note on the passage, or track the selected name. */
import { t } from '../../shared/i18n';

export interface SelectionToolbarProps {
  onAddNote(): void;
  onTrack?: () => void;
}

export function SelectionToolbar({ onAddNote, onTrack }: SelectionToolbarProps) {
  return (
    <div class="toolbar" role="toolbar" aria-label={t('extName')}>
      <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={onAddNote}>
        {t('toolbarAddNote')}
      </button>
      {onTrack && (
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={onTrack}>
          {t('toolbarTrackName')}
        </button>
      )}
    </div>
  );
}
