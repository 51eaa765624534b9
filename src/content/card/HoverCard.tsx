/** The hover card: who or what a name is, when, why it matters, and where to read more. */
import type { CardEntity } from '../../core/index/format';
import { formatLifespan } from '../../core/dates';
import { TypeBadge } from './TypeBadge';
import { CandidateList } from './CandidateList';

export interface HoverCardProps {
  entity?: CardEntity;
  /** For an ambiguous mention: the entities it may name. */
  candidates?: CardEntity[];
  onChoose?: (id: string) => void;
}

export function wikipediaUrl(title: string): string {
  return `https://en.wikipedia.org/wiki/${encodeURIComponent(title.replace(/ /g, '_'))}`;
}

export function HoverCard({ entity, candidates, onChoose }: HoverCardProps) {
  if (!entity) {
    return (
      <div class="card" role="dialog" aria-label="Which one is meant?">
        <CandidateList candidates={candidates ?? []} onChoose={onChoose} />
      </div>
    );
  }
  const span = formatLifespan(entity);
  const titleId = `dramatis-title-${entity.id}`;
  return (
    <div class="card" role="dialog" aria-labelledby={titleId}>
      <header class="head">
        <h2 id={titleId} class="name">{entity.name}</h2>
        <TypeBadge type={entity.type} />
      </header>
      {span && <p class="span">{span}</p>}
      <p class="description">{entity.description}</p>
      {entity.roles && entity.roles.length > 0 && (
        <ul class="roles">{entity.roles.slice(0, 3).map((r) => <li key={r}>{r}</li>)}</ul>
      )}
      <footer class="foot">
        <a class="wiki" href={wikipediaUrl(entity.wikipedia)} target="_blank" rel="noopener noreferrer">Read on Wikipedia</a>
      </footer>
    </div>
  );
}
