/**
 * Writing a note: a "Note" textbox (Markdown), "Tags", Save and Cancel. A failed save shows why and
 * keeps the draft in place; Ctrl+Enter saves, Escape cancels. In the notes frame, so the page never
 * sees the keystrokes.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';

export interface NoteEditorProps {
  heading: string;
  /** The passage the note is about, shown above the textbox. */
  quote?: string;
  initialText?: string;
  initialTags?: string;
  /** Resolves when saved; rejects with a message the reader can act on. */
  onSave(text: string, tags: string): Promise<void>;
  onCancel(): void;
}

export function NoteEditor({ heading, quote, initialText = '', initialTags = '', onSave, onCancel }: NoteEditorProps) {
  const [text, setText] = useState(initialText);
  const [tags, setTags] = useState(initialTags);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  // Layout effect: focus lands before the editor is first painted, so no early keystroke is lost.
  useLayoutEffect(() => box.current?.focus({ preventScroll: true }), []);

  const save = async () => {
    if (saving) return;
    if (text.trim() === '') {
      setError(t('frameEmptyNote'));
      return;
    }
    setSaving(true);
    setError('');
    try {
      await onSave(text, tags);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setSaving(false);
    }
  };

  return (
    <div
      class="editor"
      role="dialog"
      aria-label={heading}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        }
      }}
    >
      <p class="editor-head">{heading}</p>
      {quote && <blockquote class="editor-quote">{quote.length > 400 ? `${quote.slice(0, 400)}…` : quote}</blockquote>}
      <textarea
        ref={box}
        data-autofocus
        aria-label={t('frameNoteLabel')}
        placeholder={t('frameNotePlaceholder')}
        value={text}
        rows={5}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
      />
      <input
        type="text"
        aria-label={t('frameTagsLabel')}
        placeholder={t('frameTagsPlaceholder')}
        value={tags}
        onInput={(e) => setTags((e.target as HTMLInputElement).value)}
      />
      {error && (
        <p class="editor-error" role="alert">
          {error}
        </p>
      )}
      <div class="editor-actions">
        <button type="button" class="secondary" onClick={onCancel}>
          {t('frameCancel')}
        </button>
        <button type="button" class="primary" disabled={saving} onClick={() => void save()}>
          {saving ? t('frameSaving') : t('frameSave')}
        </button>
      </div>
    </div>
  );
}
