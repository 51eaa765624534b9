/** Formatting ISO 8601 partial dates for cards: "28 June 1899", "44 BC", lifespans with ages. */
import type { CardEntity } from './index/format';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

const PARTIAL_DATE = /^(-?)(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * An ISO 8601 partial date ("1899-06-28", "1899-06", "1899", "-0044-03-15" for 44 BC), or undefined
 * when it is malformed or names a month or day that does not exist. The one parser for the
 * validator, the resolver's era evidence and the cards.
 */
export function parseDate(value: string | undefined): DateParts | undefined {
  if (!value) return undefined;
  const m = PARTIAL_DATE.exec(value);
  if (!m) return undefined;
  const year = Number(m[2]) * (m[1] ? -1 : 1);
  const month = m[3] ? Number(m[3]) : undefined;
  const day = m[4] ? Number(m[4]) : undefined;
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && month !== undefined) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
    if (day < 1 || day > days) return undefined;
  }
  return { year, month, day };
}

/** The year of a partial date, or undefined. */
export function yearOf(value: string | undefined): number | undefined {
  return parseDate(value)?.year;
}

/** -1, 0 or 1 comparing two partial dates at the precision both share (0 when either is malformed). */
export function compareDates(a: string, b: string): number {
  const pa = parseDate(a);
  const pb = parseDate(b);
  if (!pa || !pb) return 0;
  for (const part of ['year', 'month', 'day'] as const) {
    const x = pa[part];
    const y = pb[part];
    if (x === undefined || y === undefined) return 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** A year as readers write it: 1899, 44 BC. Negative years are BC as historians count (no year zero). */
export function formatYear(year: number): string {
  return year < 0 ? `${-year} BC` : String(year);
}

export function formatDate(value: string | undefined): string {
  const p = parseDate(value);
  if (!p) return '';
  const year = formatYear(p.year);
  if (p.month === undefined) return year;
  if (p.day === undefined) return `${MONTHS[p.month - 1]} ${year}`;
  return `${p.day} ${MONTHS[p.month - 1]} ${year}`;
}

/** Whole years between two dates, exact when both have a day, else the larger possible value. */
export function yearsBetween(from: string, to: string): { years: number; exact: boolean } | undefined {
  const a = parseDate(from);
  const b = parseDate(to);
  if (!a || !b) return undefined;
  // Crossing from BC to AD skips the missing year zero.
  let years = b.year - a.year - (a.year < 0 && b.year > 0 ? 1 : 0);
  const exact = a.month !== undefined && a.day !== undefined && b.month !== undefined && b.day !== undefined;
  if (exact && (b.month! < a.month! || (b.month === a.month && b.day! < a.day!))) years -= 1;
  return { years, exact };
}

/** "1899–1941, aged 41" for people, "1936–1939" for spans, "from 1919", "until 1991", or "". */
export function formatLifespan(e: Pick<CardEntity, 'type' | 'born' | 'died' | 'start' | 'end'>): string {
  const from = e.type === 'person' ? e.born : e.start;
  const to = e.type === 'person' ? e.died : e.end;
  const fy = parseDate(from)?.year;
  const ty = parseDate(to)?.year;
  if (fy === undefined && ty === undefined) return '';
  if (fy !== undefined && ty !== undefined) {
    const range = fy === ty ? formatYear(fy) : bothBC(fy, ty) ? `${-fy}–${-ty} BC` : `${formatYear(fy)}–${formatYear(ty)}`;
    if (e.type !== 'person') return range;
    const age = yearsBetween(from!, to!);
    if (!age) return range;
    return `${range}, aged ${age.exact ? age.years : `${age.years - 1} or ${age.years}`}`;
  }
  if (fy !== undefined) return e.type === 'person' ? `born ${formatYear(fy)}` : `from ${formatYear(fy)}`;
  return e.type === 'person' ? `died ${formatYear(ty!)}` : `until ${formatYear(ty!)}`;
}

function bothBC(a: number, b: number): boolean {
  return a < 0 && b < 0;
}
