/** The notebook's filters: by entity, tag and site (with counts), and the sort order. */
import type { Facet, NoteQuery } from '../core/notes/query';
import { t } from '../shared/i18n';

export interface FiltersProps {
  query: NoteQuery;
  facets?: { entities: Facet[]; tags: Facet[]; sites: Facet[] };
  onChange(patch: Partial<NoteQuery>): void;
}

function Select({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value?: string;
  options: Facet[];
  onChange(v: string | undefined): void;
}) {
  return (
    <label class="filter">
      <span>{label}</span>
      <select aria-label={label} value={value ?? ''} onChange={(e) => onChange((e.target as HTMLSelectElement).value || undefined)}>
        <option value="">{t('notebookFilterAll')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label} ({o.count})
          </option>
        ))}
      </select>
    </label>
  );
}

export function Filters({ query, facets, onChange }: FiltersProps) {
  return (
    <div class="filters">
      <Select
        label={t('notebookFilterEntity')}
        value={query.entityId}
        options={facets?.entities ?? []}
        onChange={(v) => onChange({ entityId: v })}
      />
      <Select label={t('notebookFilterTag')} value={query.tag} options={facets?.tags ?? []} onChange={(v) => onChange({ tag: v })} />
      <Select label={t('notebookFilterSite')} value={query.site} options={facets?.sites ?? []} onChange={(v) => onChange({ site: v })} />
      <label class="filter">
        <span>{t('notebookSort')}</span>
        <select
          aria-label={t('notebookSort')}
          value={query.sort ?? 'newest'}
          onChange={(e) => onChange({ sort: (e.target as HTMLSelectElement).value as NoteQuery['sort'] })}
        >
          <option value="newest">{t('notebookSortNewest')}</option>
          <option value="oldest">{t('notebookSortOldest')}</option>
          <option value="page">{t('notebookSortPage')}</option>
        </select>
      </label>
    </div>
  );
}
