/** The hover card: who or what a name is, when, why it matters, how it relates, and a place for the reader's notes. */
import type { ComponentChildren } from 'preact';
import type { CardEntity, MatchEntity } from '../../core/index/format';
import type { CardDetails } from '../../core/protocol/messages';
import { formatLifespan } from '../../core/dates';
import { t } from '../../shared/i18n';
import { CandidateList } from './CandidateList';
import { CardTimeline } from './CardTimeline';
import { LocatorMapView } from './LocatorMapView';
import { PackNotes } from './packs/PackNotes';
import { RelationList } from './RelationList';
import { TypeBadge } from './TypeBadge';

export interface HoverCardProps {
  entity?: CardEntity;
  /** For an ambiguous mention: the entities it may name. */
  candidates?: MatchEntity[];
  details?: CardDetails;
  pageYears?: [number, number];
  /** Narrow screens: the card is a sheet along the bottom. */
  sheet?: boolean;
  onChoose?: (id: string) => void;
  onShowRelated?: (id: string) => void;
  /** The "Why: … · Not this?" line and its correction panel (CardCorrection), drawn by the card view. */
  correction?: ComponentChildren;
  /** The reader's notes on it: shown in the notes frame (FrameSlot), never in this closed root. */
  notes?: ComponentChildren;
}

export function wikipediaUrl(title: string): string {
  return `https://en.wikipedia.org/wiki/${encodeURIComponent(title.replace(/ /g, '_'))}`;
}

export function HoverCard({ entity, candidates, details, pageYears, sheet, onChoose, onShowRelated, correction, notes }: HoverCardProps) {
  const cls = sheet ? 'card sheet' : 'card';
  if (!entity) {
    return (
      <div class={cls} role="dialog" aria-label={t('cardWhichOne')} tabIndex={-1}>
        <CandidateList candidates={candidates ?? []} onChoose={onChoose} />
        {correction}
      </div>
    );
  }
  const span = formatLifespan(entity);
  const titleId = 'dramatis-card-title';
  return (
    <div class={cls} role="dialog" aria-labelledby={titleId} tabIndex={-1}>
      <div class="head">
        <h2 id={titleId} class="name">
          {entity.name}
        </h2>
        <TypeBadge type={entity.type} />
      </div>
      {span && <p class="span">{span}</p>}
      {entity.description && <p class="description">{entity.description}</p>}
      {details?.packs && <PackNotes packs={details.packs} />}
      {correction}
      <CardTimeline entity={entity} pageYears={pageYears} />
      {details?.map && <LocatorMapView map={details.map} name={entity.name} />}
      {entity.roles && entity.roles.length > 0 && (
        <ul class="roles" aria-label={t('cardRoles')}>
          {entity.roles.slice(0, 3).map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {details && <RelationList relations={details.relations} onShow={onShowRelated} />}
      {notes && <div class="notes-part">{notes}</div>}
      {entity.wikipedia && (
        <div class="foot">
          <a class="wiki" href={wikipediaUrl(entity.wikipedia)} target="_blank" rel="noopener noreferrer">
            {t('cardReadOnWikipedia')}
          </a>
        </div>
      )}
    </div>
  );
}
