/** "Add page note": a note about the whole page, written in the popup. The draft stays on failure. */
import { useState } from 'preact/hooks';

export function PageNoteForm({ onSave, onCancel }: { onSave(text: string, tags: string): Promise<void>; onCancel(): void }) {
  const [text, setText] = useState('');
  const [tags, setTags] = useState('');
  const [error, setError] = useState('');
  const save = async () => {
    if (!text.trim()) return setError('Write something first: an empty note is not saved.');
    try {
      await onSave(text, tags);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <div class="page-note-form">
      <textarea
        aria-label="Note"
        rows={4}
        placeholder="A note on this page (Markdown)"
        value={text}
        autoFocus
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
      />
      <input type="text" aria-label="Tags" placeholder="Tags" value={tags} onInput={(e) => setTags((e.target as HTMLInputElement).value)} />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" class="primary" onClick={() => void save()}>
          Save
        </button>
      </div>
    </div>
  );
}
