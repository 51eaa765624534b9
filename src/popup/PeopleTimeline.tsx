/**
 * The cast of the page at a glance: every person named on it, lifespans side by side on one axis,
 * oldest first. People without known dates are left out of the chart.
 */
import { formatYear, parseDate } from '../core/dates';
import type { PageEntitySummary } from '../core/protocol/messages';
import { t } from '../shared/i18n';

const ROW = 18;
const LABEL = 130;
const WIDTH = 330;

export function PeopleTimeline({ people, onPick }: { people: PageEntitySummary[]; onPick: (id: string) => void }) {
  const rows = people
    .filter((p) => p.type === 'person')
    .map((p) => ({ p, from: parseDate(p.born)?.year, to: parseDate(p.died)?.year }))
    .filter((r): r is { p: PageEntitySummary; from: number; to: number | undefined } => r.from !== undefined)
    .sort((a, b) => a.from - b.from);
  if (rows.length < 2) return null;
  const now = new Date().getFullYear();
  const lo = Math.min(...rows.map((r) => r.from));
  const hi = Math.max(...rows.map((r) => r.to ?? now));
  const step = hi - lo > 300 ? 100 : hi - lo > 120 ? 50 : hi - lo > 50 ? 20 : 10;
  const x = (year: number) => LABEL + ((year - lo) / Math.max(1, hi - lo)) * (WIDTH - LABEL - 8);
  const ticks: number[] = [];
  for (let tick = Math.ceil(lo / step) * step; tick <= hi; tick += step) ticks.push(tick);
  const top = 16; // room for the year labels above the rows
  const height = rows.length * ROW + top + 4;
  return (
    <section class="cast" aria-label={t('popupCastLabel')}>
      <h2>
        {t('popupLifetimes')} <span class="count">{rows.length}</span>
      </h2>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-label={t('popupCastChart', rows.length, formatYear(lo), formatYear(hi))}
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line class="tick" x1={x(tick)} x2={x(tick)} y1={top - 2} y2={height} />
            <text class="tick-label" x={x(tick)} y={10} text-anchor="middle">
              {formatYear(tick)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => (
          <g key={r.p.id} class="life" onClick={() => onPick(r.p.id)}>
            <title>{`${r.p.name}: ${formatYear(r.from)}–${r.to === undefined ? '' : formatYear(r.to)}`}</title>
            <text class="life-name" x={LABEL - 6} y={top + i * ROW + 13} text-anchor="end">
              {r.p.name.length > 20 ? `${r.p.name.slice(0, 19)}…` : r.p.name}
            </text>
            <rect
              class={r.to === undefined ? 'life-bar open' : 'life-bar'}
              x={x(r.from)}
              y={top + i * ROW + 5}
              width={Math.max(3, x(r.to ?? now) - x(r.from))}
              height={9}
              rx={4}
            />
          </g>
        ))}
      </svg>
    </section>
  );
}
