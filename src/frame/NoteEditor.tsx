/**
 * Writing a note: a "Note" textbox (Markdown), "Tags", Save and Cancel. A failed save shows why and
 * keeps the draft in place, with a way to copy it; Ctrl+Enter saves, Escape cancels. In the notes
 * frame, so the page never sees the keystrokes.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { SaveFailure, SaveStatus } from '../shared/save-note';

export interface NoteEditorProps {
  heading: string;
  /** The passage the note is about, shown above the textbox. */
  quote?: string;
  initialText?: string;
  initialTags?: string;
  /** Resolves when saved; rejects with a message the reader can act on. onStatus reports retries and failures. */
  onSave(text: string, tags: string, onStatus: (status: SaveStatus) => void): Promise<void>;
  onCancel(): void;
}

export function NoteEditor({ heading, quote, initialText = '', initialTags = '', onSave, onCancel }: NoteEditorProps) {
  const [text, setText] = useState(initialText);
  const [tags, setTags] = useState(initialTags);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const [failure, setFailure] = useState<SaveFailure | undefined>();
  const [copied, setCopied] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);

  // The clipboard API needs a secure page; elsewhere the selected textbox is copied the old way.
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      box.current?.select();
      document.execCommand('copy');
    }
    setCopied(true);
  };
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
    setFailure(undefined);
    setCopied(false);
    try {
      await onSave(text, tags, (status) => {
        setRetrying(status.state === 'retrying');
        if (status.state === 'failed') setFailure(status.failure);
      });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setSaving(false);
      setRetrying(false);
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
      {failure?.offerBackup && <p class="editor-error">{t('safetyBackupHint')}</p>}
      {failure && (
        <p class="editor-actions">
          <button type="button" class="secondary" onClick={() => void copy()}>
            {copied ? t('safetyCopied') : t('safetyCopyText')}
          </button>
        </p>
      )}
      <div class="editor-actions">
        <button type="button" class="secondary" onClick={onCancel}>
          {t('frameCancel')}
        </button>
        <button type="button" class="primary" disabled={saving} onClick={() => void save()}>
          {saving ? (retrying ? t('safetyStillSaving') : t('frameSaving')) : t('frameSave')}
        </button>
      </div>
    </div>
  );
}
