/**
 * The dataset against the public reference lists in ../shared/reference (Wikipedia's vital articles):
 * how much of each list the dataset covers, and whether people's birth years agree with the lists'.
 * Pure functions over parsed lists and entities, plus the loader (Node only) that knows the files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDate } from '../../src/core/dates';
import type { Entity } from '../../src/core/dataset/types';
import { SHARED_REFERENCE, sharedRequired } from '../paths';

export interface ReferenceItem {
  title: string;
  kind?: string;
  section?: string;
  section_approx?: string;
  period?: string;
  birth_year?: number | null;
}

export interface ReferenceLists {
  level3: ReferenceItem[];
  level4People: ReferenceItem[];
  level5History: ReferenceItem[];
  level5People: ReferenceItem[];
}

export const REFERENCE_FILES = {
  level3: 'vital-level3.json',
  level4People: 'vital-level4-people.json',
  level5History: 'vital-level5-history.json',
  level5People: 'vital-level5-people.json',
} as const satisfies Record<keyof ReferenceLists, string>;

/** The lists, or the reason they cannot be read (absent ../shared). */
export function loadReferenceLists(dir = SHARED_REFERENCE): ReferenceLists | { missing: string } {
  const lists: Partial<ReferenceLists> = {};
  for (const [key, file] of Object.entries(REFERENCE_FILES) as [keyof ReferenceLists, string][]) {
    const path = join(dir, file);
    if (!existsSync(path)) return { missing: `${path} is absent (../shared/reference exists beside the repo for developers and CI only)` };
    lists[key] = (JSON.parse(readFileSync(path, 'utf8')) as { items: ReferenceItem[] }).items;
  }
  return lists as ReferenceLists;
}

/**
 * What a command does when the lists are absent: a message, and exit 0 on a developer's machine
 * but 1 in CI (CI=true), where a missing ../shared must not pass a check by reading nothing.
 */
export function referenceMissing(missing: string): { message: string; exitCode: number } {
  return sharedRequired()
    ? { message: `error: ${missing}; CI=true requires it`, exitCode: 1 }
    : { message: `skipped: ${missing}`, exitCode: 0 };
}

/** Wikipedia titles compare with the first letter in capitals and underscores as spaces. */
export function titleKey(title: string): string {
  const t = title.normalize('NFC').replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/**
 * The entity for each title the dataset knows: its `wikipedia` title first, else its name or an
 * alias that equals a title (a list of an older date carries a title that has since moved, and the
 * dataset keeps the old title as the name or an alias: "Gautama Buddha" for The Buddha).
 */
export function entitiesByTitle(entities: readonly Entity[]): Map<string, Entity> {
  const map = new Map<string, Entity>();
  for (const e of entities) if (typeof e.wikipedia === 'string') map.set(titleKey(e.wikipedia), e);
  for (const e of entities)
    for (const form of [e.name, ...(e.aliases ?? [])]) {
      if (typeof form !== 'string') continue;
      const key = titleKey(form);
      if (!map.has(key)) map.set(key, e);
    }
  return map;
}

export interface Line {
  label: string;
  covered: number;
  total: number;
  /** The target share (0..1), when the issue sets one for this line. */
  target?: number;
}

export interface ListCoverage {
  list: string;
  file: string;
  lines: Line[];
  /** Missing titles, best first (see `order`), at most `limit`. */
  missing: string[];
  missingTotal: number;
  order: string;
}

export const TARGETS = { level3: 0.98, level4Section: 0.9, level5HistoryNamed: 0.85, level5People: 0.6 } as const;

/** Order of the Level 4 People sections for a history reader: rulers and soldiers first, entertainers last. */
export const L4_SECTION_ORDER = [
  'politicians and leaders',
  'military, revolutionaries, activists',
  'religious figures',
  'explorers',
  'philosophers, historians, social scientists',
  'writers and journalists',
  'scientists, inventors, mathematicians',
  'artists and architects',
  'businesspeople',
  'musicians, composers, filmmakers',
  'entertainers, directors, cartoonists',
  'sports figures',
];
export const L5_PERIOD_ORDER = [
  'prehistory',
  'ancient',
  'post-classical',
  'early-modern',
  'late-modern',
  'contemporary',
  'general-regional-thematic',
];
const L3_SECTION_ORDER = ['History', 'People', 'Geography', 'Specific religions', 'International organizations'];
export const GENERAL = 'general-regional-thematic';

/** "18th century", "5th century BC", or "unknown" for a missing year; BC years are negative. */
export function centuryOf(year: number | null | undefined): string {
  if (year === null || year === undefined) return 'birth unknown';
  const n = year > 0 ? Math.floor((year - 1) / 100) + 1 : Math.floor((-year - 1) / 100) + 1;
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix} century${year < 0 ? ' BC' : ''}`;
}

/** A sort key for centuryOf's labels: chronological, unknown last. */
function centuryRank(label: string): number {
  const m = /^(\d+)\w\w century( BC)?$/.exec(label);
  if (!m) return Infinity;
  return m[2] ? -Number(m[1]) : Number(m[1]);
}

function groupLines<T>(
  items: readonly T[],
  groupOf: (item: T) => string,
  covered: (item: T) => boolean,
  order: (a: string, b: string) => number,
): Line[] {
  const groups = new Map<string, Line>();
  for (const item of items) {
    const label = groupOf(item);
    let line = groups.get(label);
    if (!line) groups.set(label, (line = { label, covered: 0, total: 0 }));
    line.total++;
    if (covered(item)) line.covered++;
  }
  return [...groups.values()].sort((a, b) => order(a.label, b.label));
}

const byList = (order: readonly string[]) => (a: string, b: string) => {
  const ia = order.indexOf(a);
  const ib = order.indexOf(b);
  return (ia === -1 ? order.length : ia) - (ib === -1 ? order.length : ib) || a.localeCompare(b);
};

/** Coverage of each list by the entities' titles (and aliases equal to a title), with the first `limit` missing titles. */
export function coverage(lists: ReferenceLists, entities: readonly Entity[], limit = 30): ListCoverage[] {
  const known = entitiesByTitle(entities);
  const has = (item: ReferenceItem) => known.has(titleKey(item.title));
  const overall = (label: string, items: readonly ReferenceItem[], target?: number): Line => ({
    label,
    covered: items.filter(has).length,
    total: items.length,
    ...(target !== undefined ? { target } : {}),
  });
  const missing = (items: readonly ReferenceItem[], rank: (item: ReferenceItem, index: number) => number[]) => {
    const list = items
      .map((item, index) => ({ item, key: rank(item, index) }))
      .filter(({ item }) => !has(item))
      .sort((a, b) => {
        for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i]! - b.key[i]!;
        return 0;
      });
    return { missing: list.slice(0, limit).map(({ item }) => item.title), missingTotal: list.length };
  };
  const birth = (item: ReferenceItem) => item.birth_year ?? Infinity;

  const l3 = lists.level3.filter((i) => i.kind !== 'topic');
  const l3Rank = (i: ReferenceItem, index: number) => [sectionIndex(L3_SECTION_ORDER, i.section), index];
  const l4Rank = (i: ReferenceItem) => [sectionIndex(L4_SECTION_ORDER, i.section_approx), birth(i)];
  const l5hRank = (i: ReferenceItem, index: number) => [sectionIndex(L5_PERIOD_ORDER, i.period), index];
  const l5pRank = (i: ReferenceItem, index: number) => [birth(i), index];
  const named = lists.level5History.filter((i) => i.period !== GENERAL);

  return [
    {
      list: 'Level 3 (named entities, kind != topic)',
      file: REFERENCE_FILES.level3,
      lines: [overall('overall', l3, TARGETS.level3), ...groupLines(l3, (i) => i.section ?? '?', has, byList(L3_SECTION_ORDER))],
      ...missing(l3, l3Rank),
      order: 'by section (History, People, Geography, religions, organizations), then page order',
    },
    {
      list: 'Level 4 People',
      file: REFERENCE_FILES.level4People,
      lines: [
        overall('overall', lists.level4People),
        ...groupLines(lists.level4People, (i) => i.section_approx ?? '?', has, byList(L4_SECTION_ORDER)).map((l) => ({
          ...l,
          target: TARGETS.level4Section,
        })),
      ],
      ...missing(lists.level4People, l4Rank),
      order: 'by section (politicians and leaders, military, religious figures, explorers, thinkers, writers, ...), then earliest birth',
    },
    {
      list: 'Level 5 History',
      file: REFERENCE_FILES.level5History,
      lines: [
        overall('overall', lists.level5History),
        overall(`outside ${GENERAL}`, named, TARGETS.level5HistoryNamed),
        ...groupLines(lists.level5History, (i) => i.period ?? '?', has, byList(L5_PERIOD_ORDER)),
      ],
      ...missing(lists.level5History, l5hRank),
      order: `by period (prehistory to contemporary, ${GENERAL} last), then page order`,
    },
    {
      list: 'Level 5 People',
      file: REFERENCE_FILES.level5People,
      lines: [
        overall('overall', lists.level5People, TARGETS.level5People),
        ...groupLines(
          lists.level5People,
          (i) => centuryOf(i.birth_year),
          has,
          (a, b) => centuryRank(a) - centuryRank(b),
        ),
      ],
      ...missing(lists.level5People, l5pRank),
      order: 'earliest birth first (unknown births last), then list order',
    },
  ];
}

function sectionIndex(order: readonly string[], value: string | undefined): number {
  const i = order.indexOf(value ?? '');
  return i === -1 ? order.length : i;
}

export function percent(line: Line): string {
  return line.total === 0 ? '-' : `${((100 * line.covered) / line.total).toFixed(1)}%`;
}

/** One printed line: "  overall            312/320  97.5%  target >= 98%: below". */
export function formatLine(line: Line, width: number): string {
  const base = `  ${line.label.padEnd(width)} ${`${line.covered}/${line.total}`.padStart(11)} ${percent(line).padStart(6)}`;
  if (line.target === undefined) return base;
  const ok = line.total === 0 || line.covered / line.total >= line.target;
  return `${base}  target >= ${Math.round(line.target * 100)}%: ${ok ? 'met' : 'below'}`;
}

export function formatCoverage(report: readonly ListCoverage[]): string {
  const out: string[] = [];
  for (const c of report) {
    const width = Math.max(...c.lines.map((l) => l.label.length));
    out.push(`${c.list} (${c.file})`);
    for (const line of c.lines) out.push(formatLine(line, width));
    out.push('');
  }
  for (const c of report) {
    out.push(`${c.list}: first ${c.missing.length} of ${c.missingTotal} missing, ${c.order}:`);
    out.push(`  ${c.missing.join('; ')}`);
    out.push('');
  }
  return out.join('\n');
}

/** Astronomical year (1 BC = 0) of a year written as historians count (-44 = 44 BC, no year zero). */
const astronomical = (year: number) => (year < 0 ? year + 1 : year);

export interface BirthMismatch {
  id: string;
  title: string;
  born: string;
  listYear: number;
  list: string;
  /** The dataset file that holds the entity. */
  file: string;
  /** The entity's note, when it explains the difference. */
  note?: string;
}

/**
 * People whose `born` year differs by more than one year from the birth year of a list that holds
 * their `wikipedia` title. Both sides count BC years as negative historical years; a one-year
 * tolerance absorbs the astronomical/historical difference and Old Style dates. A mismatch with a
 * `note` is explained (returned with the note; the caller decides what fails).
 */
export function birthMismatches(lists: ReferenceLists, entities: readonly { entity: Entity; file: string }[]): BirthMismatch[] {
  const years: { list: string; byTitle: Map<string, number> }[] = [];
  for (const key of ['level3', 'level4People', 'level5People'] as const) {
    const byTitle = new Map<string, number>();
    for (const item of lists[key]) if (typeof item.birth_year === 'number') byTitle.set(titleKey(item.title), item.birth_year);
    years.push({ list: REFERENCE_FILES[key], byTitle });
  }
  const out: BirthMismatch[] = [];
  for (const { entity: e, file } of entities) {
    if (e.type !== 'person' || typeof e.wikipedia !== 'string' || typeof e.born !== 'string') continue;
    const born = parseDate(e.born);
    if (!born) continue;
    const seen = new Set<number>();
    for (const { list, byTitle } of years) {
      const listYear = byTitle.get(titleKey(e.wikipedia));
      if (listYear === undefined || seen.has(listYear)) continue;
      seen.add(listYear);
      if (Math.abs(astronomical(born.year) - astronomical(listYear)) <= 1) continue;
      out.push({ id: e.id, title: e.wikipedia, born: e.born, listYear, list, file, ...(e.note ? { note: e.note } : {}) });
    }
  }
  return out;
}
