/** "Note deleted. Undo": the way back from a delete, for ten seconds. */
import { useEffect } from 'preact/hooks';
import { t } from '../shared/i18n';

export function UndoBar({ onUndo, onDismiss }: { onUndo(): void; onDismiss(): void }) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, 10_000);
    return () => clearTimeout(timer);
  }, [onDismiss]);
  return (
    <div class="undo" role="status">
      {t('notebookDeleted')}{' '}
      <button type="button" onClick={onUndo}>
        {t('notebookUndo')}
      </button>
    </div>
  );
}
