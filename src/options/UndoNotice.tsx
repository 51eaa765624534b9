/** "… deleted. Undo": the way back from a delete, for ten seconds, announced to screen readers. */
import { useEffect } from 'preact/hooks';
import { t } from '../shared/i18n';

export function UndoNotice({ text, onUndo, onDismiss }: { text: string; onUndo(): void; onDismiss(): void }) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, 10_000);
    return () => clearTimeout(timer);
  }, [onDismiss, text]);
  return (
    <p class="undo-notice" role="status">
      {text}{' '}
      <button type="button" onClick={onUndo}>
        {t('optionsUndo')}
      </button>
    </p>
  );
}
