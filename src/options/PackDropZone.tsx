/** Where a pack file comes in: a file chooser, and the same box takes a file dropped on it. */
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';

export interface PackDropZoneProps {
  onFile: (file: File) => void;
}

export function PackDropZone({ onFile }: PackDropZoneProps) {
  const [over, setOver] = useState(false);
  const take = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file) onFile(file);
  };
  return (
    <div
      class={over ? 'pack-drop over' : 'pack-drop'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer?.files);
      }}
    >
      <label class="pack-file">
        <span>{t('packsChoose')}</span>
        <input
          type="file"
          accept=".json,.csv,application/json,text/csv"
          onChange={(e) => {
            const input = e.currentTarget;
            take(input.files);
            // The same file chosen again (after fixing it) must fire change again.
            input.value = '';
          }}
        />
      </label>
      <p class="muted">{t('packsDropHint')}</p>
    </div>
  );
}
