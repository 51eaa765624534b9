/** "Track this name": make a selected name a personal entity, highlighted and carded on every page. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ENTITY_TYPES, type EntityType } from '../../core/dataset/types';

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
  useEffect(() => first.current?.focus({ preventScroll: true }), []);
  const save = async () => {
    if (name.trim().length < 2) return setError('A name needs at least two letters.');
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
      aria-label="Track this name"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <p class="editor-head">Track this name</p>
      <input ref={first} type="text" aria-label="Name" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
      <select aria-label="Type" value={type} onChange={(e) => setType((e.target as HTMLSelectElement).value as EntityType)}>
        {ENTITY_TYPES.map((t) => (
          <option key={t} value={t}>
            {t[0]!.toUpperCase() + t.slice(1)}
          </option>
        ))}
      </select>
      <input
        type="text"
        aria-label="Other names"
        placeholder="Other names, separated by commas"
        value={aliases}
        onInput={(e) => setAliases((e.target as HTMLInputElement).value)}
      />
      <textarea
        aria-label="Description"
        placeholder="Who or what this is (optional)"
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
          Cancel
        </button>
        <button type="button" class="primary" onClick={() => void save()}>
          Save
        </button>
      </div>
    </div>
  );
}
