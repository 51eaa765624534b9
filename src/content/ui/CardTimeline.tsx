/**
 * A bar placing the entity's life or span against the years the page is about, so a reader sees at
 * a glance whether this person was young, old or long dead in the story's years.
 */
import { formatYear, parseDate } from '../../core/dates';
import type { CardEntity } from '../../core/index/format';
import { t } from '../../shared/i18n';

export interface CardTimelineProps {
  entity: CardEntity;
  /** The page's years, 10th to 90th percentile. */
  pageYears?: [number, number];
}

const W = 320;

export function CardTimeline({ entity, pageYears }: CardTimelineProps) {
  const person = entity.type === 'person';
  const from = parseDate(person ? entity.born : entity.start)?.year;
  const to = parseDate(person ? entity.died : entity.end)?.year;
  if (from === undefined && to === undefined) return null;
  const a = from ?? to!;
  const b = to ?? a;
  const lo = Math.min(a, pageYears?.[0] ?? a);
  const hi = Math.max(b, pageYears?.[1] ?? b);
  const span = Math.max(1, hi - lo);
  const pad = span * 0.06 + 1;
  const x = (year: number) => ((year - (lo - pad)) / (span + 2 * pad)) * W;
  const openEnded = to === undefined;
  const end = openEnded ? '' : formatYear(b);
  const label = pageYears
    ? t(person ? 'cardLifetimeAgainstPage' : 'cardSpanAgainstPage', formatYear(a), end, formatYear(pageYears[0]), formatYear(pageYears[1]))
    : t(person ? 'cardLifetime' : 'cardSpan', formatYear(a), end);
  return (
    <figure class="timeline">
      <svg viewBox={`0 0 ${W} 30`} width="100%" height="30" role="img" aria-label={label}>
        {pageYears && (
          <rect class="tl-page" x={x(pageYears[0])} y="2" width={Math.max(2, x(pageYears[1]) - x(pageYears[0]))} height="16" rx="2" />
        )}
        <rect class={`tl-bar tl-${entity.type}`} x={x(a)} y="7" width={Math.max(3, x(openEnded ? hi : b) - x(a))} height="6" rx="3" />
        <text class="tl-label" x={x(a)} y="28" text-anchor="start">
          {formatYear(a)}
        </text>
        {!openEnded && b !== a && (
          <text class="tl-label" x={x(b)} y="28" text-anchor="end">
            {formatYear(b)}
          </text>
        )}
      </svg>
      {pageYears && <figcaption class="tl-caption">{t('cardTimelineCaption')}</figcaption>}
    </figure>
  );
}
