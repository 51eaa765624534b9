/** One imported pack: its title and counts, an on/off switch, export, and remove (asked twice). */
import { useState } from 'preact/hooks';
import { serializeCsvPack } from '../core/packs/csv';
import { serializeJsonPack } from '../core/packs/json';
import type { PackListItem } from '../core/protocol/messages';
import { slugOf } from '../core/text/fold';
import { download } from '../shared/download';
import { t, tCount } from '../shared/i18n';
import { send } from '../shared/messaging';
import { PackSaveButtons } from './PackSaveButtons';

export interface PackRowProps {
  pack: PackListItem;
  onToggle: (enabled: boolean) => void;
  onRemove: () => void;
}

export function PackRow({ pack, onToggle, onRemove }: PackRowProps) {
  const [confirming, setConfirming] = useState(false);
  const save = async (format: 'json' | 'csv') => {
    const full = await send({ type: 'packs.export', id: pack.id });
    const name = slugOf(pack.title) || 'pack';
    if (format === 'json') download(`${name}.pack.json`, serializeJsonPack(full), 'application/json');
    else download(`${name}.csv`, serializeCsvPack(full), 'text/csv');
  };
  const titleId = `${pack.id}-title`;
  return (
    <li class="pack" aria-labelledby={titleId}>
      <label class="pack-switch">
        <input type="checkbox" checked={pack.enabled} onChange={(e) => onToggle(e.currentTarget.checked)} />
        <strong id={titleId}>{pack.title}</strong>
      </label>
      <p class="muted">
        {tCount('packsEntities', pack.entities)} · {tCount('packsNotes', pack.notes)}
        {pack.author ? ` · ${pack.author}` : ''}
        {pack.version ? ` · ${t('packsVersion', pack.version)}` : ''}
      </p>
      {pack.description && <p class="pack-description">{pack.description}</p>}
      <div class="pack-actions">
        <PackSaveButtons onSave={(format) => void save(format)} />
        {confirming ? (
          <button type="button" class="danger" onClick={onRemove} aria-label={t('packsRemoveSureLabel', pack.title)}>
            {t('packsRemoveSure')}
          </button>
        ) : (
          <button type="button" class="danger" onClick={() => setConfirming(true)} aria-label={t('packsRemoveLabel', pack.title)}>
            {t('packsRemove')}
          </button>
        )}
      </div>
    </li>
  );
}
