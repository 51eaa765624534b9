/** "Note deleted. Undo": the way back from a delete, for ten seconds. */
import { useEffect } from 'preact/hooks';

export function UndoBar({ onUndo, onDismiss }: { onUndo(): void; onDismiss(): void }) {
  useEffect(() => {
    const t = setTimeout(onDismiss, 10_000);
    return () => clearTimeout(t);
  }, [onDismiss]);
  return (
    <div class="undo" role="status">
      Note deleted.{' '}
      <button type="button" onClick={onUndo}>
        Undo
      </button>
    </div>
  );
}
