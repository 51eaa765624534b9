/** The notebook's filters: by entity, tag and site (with counts), and the sort order. */
import type { Facet, NoteQuery } from '../core/notes/query';

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
        <option value="">All</option>
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
      <Select label="Entity" value={query.entityId} options={facets?.entities ?? []} onChange={(v) => onChange({ entityId: v })} />
      <Select label="Tag" value={query.tag} options={facets?.tags ?? []} onChange={(v) => onChange({ tag: v })} />
      <Select label="Site" value={query.site} options={facets?.sites ?? []} onChange={(v) => onChange({ site: v })} />
      <label class="filter">
        <span>Sort</span>
        <select
          aria-label="Sort"
          value={query.sort ?? 'newest'}
          onChange={(e) => onChange({ sort: (e.target as HTMLSelectElement).value as NoteQuery['sort'] })}
        >
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
          <option value="page">By page</option>
        </select>
      </label>
    </div>
  );
}
