/** "Add page note": a note about the whole page, written in the popup. The draft stays on failure. */
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';

export function PageNoteForm({ onSave, onCancel }: { onSave(text: string, tags: string): Promise<void>; onCancel(): void }) {
  const [text, setText] = useState('');
  const [tags, setTags] = useState('');
  const [error, setError] = useState('');
  const save = async () => {
    if (!text.trim()) return setError(t('popupEmptyNote'));
    try {
      await onSave(text, tags);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <div class="page-note-form">
      <textarea
        aria-label={t('popupNoteLabel')}
        rows={4}
        placeholder={t('popupNotePlaceholder')}
        value={text}
        autoFocus
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
      />
      <input
        type="text"
        aria-label={t('popupTags')}
        placeholder={t('popupTags')}
        value={tags}
        onInput={(e) => setTags((e.target as HTMLInputElement).value)}
      />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={onCancel}>
          {t('popupCancel')}
        </button>
        <button type="button" class="primary" onClick={() => void save()}>
          {t('popupSave')}
        </button>
      </div>
    </div>
  );
}
