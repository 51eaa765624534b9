/** "Track this name": make a selected name a personal entity, highlighted and carded on every page. */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ENTITY_TYPES, type EntityType } from '../core/dataset/types';
import { t } from '../shared/i18n';

export interface TrackedName {
  name: string;
  type: EntityType;
  aliases: string[];
  description: string;
}

export interface TrackNameFormProps {
  initialName: string;
  onSave(entity: TrackedName): Promise<void>;
  onCancel(): void;
}

export function TrackNameForm({ initialName, onSave, onCancel }: TrackNameFormProps) {
  const [name, setName] = useState(initialName);
  const [type, setType] = useState<EntityType>('person');
  const [aliases, setAliases] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState('');
  const first = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => first.current?.focus({ preventScroll: true }), []);
  const save = async () => {
    if (name.trim().length < 2) return setError(t('frameTrackTooShort'));
    try {
      await onSave({
        name: name.trim(),
        type,
        aliases: aliases
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean),
        description: description.trim(),
      });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <div
      class="editor"
      role="dialog"
      aria-label={t('frameTrackTitle')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <p class="editor-head">{t('frameTrackTitle')}</p>
      <input
        ref={first}
        data-autofocus
        type="text"
        aria-label={t('frameTrackName')}
        value={name}
        onInput={(e) => setName((e.target as HTMLInputElement).value)}
      />
      <select aria-label={t('frameTrackType')} value={type} onChange={(e) => setType((e.target as HTMLSelectElement).value as EntityType)}>
        {ENTITY_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`frameType_${type}`)}
          </option>
        ))}
      </select>
      <input
        type="text"
        aria-label={t('frameTrackAliases')}
        placeholder={t('frameTrackAliasesPlaceholder')}
        value={aliases}
        onInput={(e) => setAliases((e.target as HTMLInputElement).value)}
      />
      <textarea
        aria-label={t('frameTrackDescription')}
        placeholder={t('frameTrackDescriptionPlaceholder')}
        rows={2}
        value={description}
        onInput={(e) => setDescription((e.target as HTMLTextAreaElement).value)}
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
        <button type="button" class="primary" onClick={() => void save()}>
          {t('frameSave')}
        </button>
      </div>
    </div>
  );
}
