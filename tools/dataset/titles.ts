/**
 * The dataset's Wikipedia titles against a bulk list of current English Wikipedia article titles
 * (`dataset -- titles-vs FILE...`): for each entity whose title is not in the list while the list
 * holds a title that looks like the same subject (the same name with a disambiguator, a diacritic or
 * spelling variant, a reordered or fuller name, one of its aliases), the candidate titles, ranked.
 * A list says where to look, never what to write: every change is confirmed by an auditor with a
 * search of the current article. Pure functions over parsed lists and entities, plus the reader of
 * list files (Node only); docs/data-sources/titles.md says which lists exist and where to get them.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseDate } from '../../src/core/dates';
import type { Entity } from '../../src/core/dataset/types';
import { titleKey } from './reference';

/** One title of a source list, with the list's Wikidata birth year where it gives one. */
export interface SourceTitle {
  title: string;
  birthYear?: number;
}

/** A parsed list file: its name (for the report) and its titles. */
export interface TitleSource {
  name: string;
  titles: SourceTitle[];
}

/** The dataset's slices that the audits sample, by file name (assets/data/AUDIT.md has the table). */
export const SLICE_FILES: Record<string, RegExp> = {
  A: /^antiquity-\d+\.json$/,
  B: /^medieval-\d+\.json$/,
  C: /^early-modern-\d+\.json$/,
  D: /^born-1750-1840-\d+\.json$/,
  E: /^born-1840-1890-\d+\.json$/,
  F: /^born-1890-1920-\d+\.json$/,
  G: /^places-\d\d\.json$/,
};

// Pages of these namespaces are linked from list pages but are not articles.
const NON_ARTICLE = /^(Wikipedia|WP|Category|File|Image|Help|Portal|Template|Special|Talk|User|Draft|Module|MediaWiki)( talk)?:/i;

/** A title as it is written in a list line: a /wiki/ link (URL-encoded, underscores) or plain text. */
function titleFromCell(cell: string): string | undefined {
  let t = cell.trim().replace(/^"(.*)"$/, '$1');
  const link = /(?:^|wikipedia\.org)\/wiki\/(.+)$/.exec(t);
  if (link) {
    try {
      t = decodeURIComponent(link[1]!.replace(/#.*$/, ''));
    } catch {
      return undefined; // a malformed escape: not a title we can compare
    }
  }
  t = titleKey(t);
  if (t === '' || NON_ARTICLE.test(t)) return undefined;
  return t;
}

/**
 * The titles of a list file. Accepted: JSON (`{items: [{title, birth_year?}]}` as in
 * ../shared/reference, or an array of strings or of `{title}`); a text file of one title or /wiki/
 * link per line; a tab-separated file whose header names a `title`, `page_title` or `name` column.
 * Throws with the reason when the file holds no title in any of these forms.
 */
export function parseTitleSource(text: string, name: string): TitleSource {
  const titles: SourceTitle[] = [];
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const data = JSON.parse(text) as unknown;
    const items = Array.isArray(data) ? data : (data as { items?: unknown }).items;
    if (!Array.isArray(items)) throw new Error(`${name}: JSON without an "items" array or a top-level array`);
    for (const item of items) {
      const raw = typeof item === 'string' ? item : (item as { title?: unknown } | null)?.title;
      if (typeof raw !== 'string') continue;
      const title = titleFromCell(raw);
      if (!title) continue;
      const year = (item as { birth_year?: unknown }).birth_year;
      titles.push(typeof year === 'number' ? { title, birthYear: year } : { title });
    }
  } else {
    const lines = text.split(/\r?\n/);
    let column = 0;
    if (lines[0]?.includes('\t')) {
      const header = lines[0].split('\t').map((h) => h.trim().toLowerCase());
      const found = ['title', 'page_title', 'name'].map((h) => header.indexOf(h)).find((i) => i >= 0);
      if (found === undefined) throw new Error(`${name}: tab-separated, but no column is named title, page_title or name`);
      column = found;
      lines.shift();
    }
    for (const line of lines) {
      const cell = column === 0 && !line.includes('\t') ? line : line.split('\t')[column];
      const title = cell === undefined ? undefined : titleFromCell(cell);
      if (title) titles.push({ title });
    }
  }
  if (titles.length === 0)
    throw new Error(`${name}: no titles found (expected one title or /wiki/ link per line, a TSV with a title column, or JSON)`);
  return { name, titles };
}

/** Reads and parses a list file; the error names the file and what was expected. */
export function readTitleSource(path: string): TitleSource {
  return parseTitleSource(readFileSync(path, 'utf8'), basename(path));
}

const FOLD_LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };

/**
 * A title or name folded for comparison: no diacritics, lower case, and every punctuation mark
 * (hyphens, dashes, apostrophes, dots, commas) a space, so "Claude Victor-Perrin" and
 * "Claude-Victor Perrin" fold alike.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþıħ]/g, (c) => FOLD_LETTERS[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A title split into its name and its bracketed disambiguator: "X (painter)" is X and painter. */
export function splitTitle(title: string): { base: string; qualifier: string } {
  const paren = /^(.*?)\s*\(([^()]*)\)$/.exec(title);
  if (paren && paren[1]) return { base: paren[1], qualifier: paren[2]! };
  return { base: title, qualifier: '' };
}

/** The name before a comma qualifier ("Matamoros, Tamaulipas", "X, 2nd Earl of Y"), if any. */
function commaSplit(title: string): { base: string; qualifier: string } | undefined {
  const m = /^([^,()]+),\s+([^()]+)$/.exec(title);
  return m ? { base: m[1]!, qualifier: m[2]! } : undefined;
}

/** Years written in a disambiguator ("born 1785", "1609–1618", "consul 218 BC"). */
function qualifierYears(qualifier: string): number[] {
  return [...qualifier.matchAll(/\b(\d{3,4})\b/g)].map((m) => Number(m[1]));
}

interface IndexedTitle {
  title: string;
  foldedFull: string;
  foldedBase: string;
  /** The paren disambiguator, or else the part after a comma. */
  qualifier: string;
  /** For "X, Y" titles: X folded, so that "Matamoros" finds "Matamoros, Tamaulipas". */
  foldedCommaBase?: string;
  sources: string[];
  birthYear?: number;
}

/** The union of the lists, indexed for the kinds of likeness the checker looks for. */
export interface TitleIndex {
  keys: Set<string>;
  byBase: Map<string, IndexedTitle[]>;
  bySortedTokens: Map<string, IndexedTitle[]>;
  byLastToken: Map<string, IndexedTitle[]>;
  byDeletion: Map<string, IndexedTitle[]>;
  size: number;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

const sortedTokens = (folded: string): string => folded.split(' ').sort().join(' ');

/** Every string one character shorter; with the same of the other side, finds edit distance up to 2. */
function deletions(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

// Near spellings are looked up only for names this long: shorter ones have too many neighbours.
const MIN_NEAR_LENGTH = 7;

/** Builds the index once; about a second for 60,000 titles (the deletion variants dominate). */
export function buildTitleIndex(sources: TitleSource[]): TitleIndex {
  const byTitle = new Map<string, IndexedTitle>();
  for (const source of sources)
    for (const { title, birthYear } of source.titles) {
      let entry = byTitle.get(title);
      if (!entry) {
        const { base, qualifier } = splitTitle(title);
        const comma = qualifier === '' ? commaSplit(title) : undefined;
        entry = { title, foldedFull: fold(title), foldedBase: fold(base), qualifier: comma?.qualifier ?? qualifier, sources: [] };
        if (comma) entry.foldedCommaBase = fold(comma.base);
        byTitle.set(title, entry);
      }
      if (!entry.sources.includes(source.name)) entry.sources.push(source.name);
      if (birthYear !== undefined && entry.birthYear === undefined) entry.birthYear = birthYear;
    }
  const index: TitleIndex = {
    keys: new Set(byTitle.keys()),
    byBase: new Map(),
    bySortedTokens: new Map(),
    byLastToken: new Map(),
    byDeletion: new Map(),
    size: byTitle.size,
  };
  for (const entry of byTitle.values()) {
    if (entry.foldedBase === '') continue;
    push(index.byBase, entry.foldedBase, entry);
    if (entry.foldedFull !== entry.foldedBase) push(index.byBase, entry.foldedFull, entry);
    if (entry.foldedCommaBase) push(index.byBase, entry.foldedCommaBase, entry);
    push(index.bySortedTokens, sortedTokens(entry.foldedBase), entry);
    const tokens = entry.foldedBase.split(' ');
    push(index.byLastToken, tokens[tokens.length - 1]!, entry);
    if (entry.foldedBase.length >= MIN_NEAR_LENGTH) {
      push(index.byDeletion, entry.foldedBase, entry);
      for (const d of deletions(entry.foldedBase)) push(index.byDeletion, d, entry);
    }
  }
  return index;
}

/** How a candidate resembles the entity, best first; the score is the base of the ranking. */
export const KIND_SCORE = {
  alias: 65, // an alias or the name is itself a title in the list (often of a namesake, or the old title)
  spelling: 85, // the same title but for diacritics, punctuation or case
  disambiguator: 80, // the same name with a disambiguator the dataset's title lacks
  'no-disambiguator': 40, // the dataset's title has a disambiguator the list's does not (most often the namesake)
  reordered: 70, // the same words in another order
  'other-disambiguator': 55, // the same name with another disambiguator
  fuller: 55, // a fuller name: every word of the name and up to three more, the same last word
  shorter: 50, // a shorter name: the same first and last word, fewer words between
  near: 45, // one or two letters apart ("Shahrukh" for "Shahrokh")
  surname: 35, // a one-word name that ends a two- or three-word title
} as const;
export type CandidateKind = keyof typeof KIND_SCORE;

export interface Candidate {
  title: string;
  kind: CandidateKind;
  score: number;
  /** Which of the entity's names led to it: `title`, `name` or `alias:<alias>`. */
  via: string;
  sources: string[];
  /** Why the score moved from the kind's: "year 1785 agrees", "born 1790 in list, 1785 here". */
  reasons: string[];
}

export interface TitleReportRow {
  entity: Entity;
  file: string;
  candidates: Candidate[];
}

export interface TitleReport {
  checked: number;
  inSource: number;
  notInSource: number;
  rows: TitleReportRow[];
  /** Weaker look-alikes left out because another entity already carries that title. */
  takenByOthers: number;
  /** The checked entities whose title is in no list, with or without candidates: what is left to check. */
  absent: { entity: Entity; file: string }[];
}

const STOP = new Set([
  'the',
  'and',
  'of',
  'in',
  'on',
  'for',
  'from',
  'with',
  'who',
  'was',
  'his',
  'her',
  'their',
  'that',
  'which',
  'born',
  'died',
]);

/** The entity's years: born, died, start, end (a year in a disambiguator should be one of them). */
function entityYears(e: Entity): number[] {
  return [e.born, e.died, e.start, e.end].map((d) => parseDate(d)?.year).filter((y): y is number => y !== undefined);
}

// Disambiguators of creative works and products: such a title is a namesake of a person, place or event.
const WORK_QUALIFIER =
  /\b(film|novel|band|song|album|TV series|series|board game|video game|game|solitaire|unit|play|opera|musical|painting|poem|magazine|newspaper|company|club|ship|horse|comics|character|manga)\b/i;

/** Adjusts a candidate's score by what its disambiguator and the list's birth year say of the entity. */
function adjust(e: Entity, entry: IndexedTitle, kind: CandidateKind, via: string): { score: number; reasons: string[] } {
  let score: number = KIND_SCORE[kind];
  const reasons: string[] = [];
  if (via !== 'title' && kind !== 'alias') {
    score -= 15;
    reasons.push('found by a name, not the title');
  }
  if (e.type !== 'work' && e.type !== 'organization' && WORK_QUALIFIER.test(entry.qualifier)) {
    score -= 60;
    reasons.push(`"${entry.qualifier}" names a work or product`);
  }
  const years = entityYears(e);
  const qYears = qualifierYears(entry.qualifier);
  if (qYears.length > 0 && years.length > 0) {
    // People's years may differ by one between sources (calendars); an event's disambiguator names
    // a year of its own span exactly ("Battle of Flores (1591)" is not the action of 1592).
    const span = e.type === 'person' ? undefined : [Math.min(...years), Math.max(...years)];
    const agree = qYears.filter((y) => (span ? y >= span[0]! && y <= span[1]! : years.some((z) => Math.abs(z - y) <= 1)));
    if (agree.length > 0) {
      score += 25;
      reasons.push(`year ${agree.join(', ')} agrees`);
    } else {
      // A disambiguator's year that is none of the entity's names another subject: below MIN_SCORE.
      score -= 60;
      reasons.push(`year ${qYears.join(', ')} is none of ${years.join(', ')}`);
    }
  }
  const born = parseDate(e.born)?.year;
  if (entry.birthYear !== undefined && born !== undefined) {
    if (Math.abs(entry.birthYear - born) <= 1) {
      score += 20;
      reasons.push(`list's birth year ${entry.birthYear} agrees`);
    } else {
      score -= 40;
      reasons.push(`list's birth year ${entry.birthYear}, ${born} here`);
    }
  }
  if (entry.qualifier !== '') {
    const described = new Set(fold(`${e.description} ${(e.roles ?? []).join(' ')} ${(e.tags ?? []).join(' ')}`).split(' '));
    const shared = fold(entry.qualifier)
      .split(' ')
      .filter((w) => w.length >= 4 && !STOP.has(w) && !/^\d+$/.test(w) && described.has(w));
    if (shared.length > 0) {
      score += Math.min(15, 5 * shared.length);
      reasons.push(`description shares: ${shared.join(', ')}`);
    }
  }
  return { score, reasons };
}

/** The kind of likeness between one of the entity's names and a list title with the same folded name. */
function sameNameKind(form: string, entry: IndexedTitle, viaAlias: boolean, entityTitle: string): CandidateKind {
  const folded = fold(form);
  const own = splitTitle(entityTitle);
  const ownQualifier = own.qualifier !== '' ? own.qualifier : (commaSplit(entityTitle)?.qualifier ?? '');
  // The bare name of a disambiguated title ("John Bull" for "John Bull (composer)") is not another
  // name for the subject: a list title equal to it is most often the namesake that holds the name.
  const isOwnBase = folded === fold(own.base) || folded === fold(commaSplit(entityTitle)?.base ?? '');
  if (viaAlias && folded === entry.foldedFull && folded !== fold(entityTitle) && !isOwnBase) return 'alias';
  if (folded === entry.foldedFull && folded === fold(entityTitle)) return 'spelling';
  if (ownQualifier === '' && entry.qualifier !== '') return 'disambiguator';
  if (ownQualifier !== '' && entry.qualifier === '') return 'no-disambiguator';
  if (fold(ownQualifier) === fold(entry.qualifier)) return 'spelling';
  return 'other-disambiguator';
}

/** Whether `text` names `title` as a whole (not "Ob" inside "Obama"). */
function namedIn(text: string, title: string): boolean {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(text);
}

/** A look-alike title that another entity carries is reported only from this score up. */
export const DUPLICATE_SCORE = 60;

/** How much lower a candidate ranks when the entity's title is named in assets/data/AUDIT.md. */
export const AUDITED_PENALTY = 20;

/** Candidates scoring less are left out of the report. */
export const MIN_SCORE = 30;

/** Damerau-free Levenshtein distance, bounded use only (names of a few dozen letters). */
function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

const NUMERAL = /^([ivxlcdm]+|\d+)$/;

/** A word's consonants after its first letter, doubled ones once: spellings of one name share it. */
function skeleton(word: string): string {
  return (
    word[0] +
    word
      .slice(1)
      .replace(/[aeiouyhw]/g, '')
      .replace(/(.)\1+/g, '$1')
  );
}

/**
 * Two folded names one or two letters apart, in the way transliterations differ: the same first
 * letter and the same consonants, only vowels, y, h or w changed ("shahrokh" and "shahrukh",
 * "yenisei" and "yenisey", "sunchon" and "suncheon"); or equal but for spaces. Not "paisley" and
 * "parsley", "berbera" and "berbers", "V" and "X".
 */
function nearSpelling(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.replace(/ /g, '') === b.replace(/ /g, '')) return true;
  const ta = a.split(' ');
  const tb = b.split(' ');
  if (ta.length !== tb.length) return false;
  let total = 0;
  for (let i = 0; i < ta.length; i++) {
    if (ta[i] === tb[i]) continue;
    const x = ta[i]!;
    const y = tb[i]!;
    if (x.length < 5 || y.length < 5 || NUMERAL.test(x) || NUMERAL.test(y) || skeleton(x) !== skeleton(y)) return false;
    total += editDistance(x, y);
    if (total > 2) return false;
  }
  return total > 0;
}

/** The candidates for one entity whose title is not in the list, best first, at most `limit`. */
export function candidatesFor(
  e: Entity,
  index: TitleIndex,
  takenTitles: Map<string, string>,
  limit = 5,
): { candidates: Candidate[]; taken: number } {
  const found = new Map<string, Candidate>();
  let taken = 0;
  const ownTitle = titleKey(e.wikipedia);
  const consider = (entry: IndexedTitle, kind: CandidateKind, via: string): void => {
    if (entry.title === ownTitle) return;
    const holder = takenTitles.get(entry.title);
    const { score, reasons } = adjust(e, entry, kind, via);
    if (holder !== undefined && holder !== e.id) {
      // Another entity's title: a namesake, unless the likeness is strong, when the two may be one
      // subject written twice ("William Charles Wentworth" and "William Wentworth", both born 1790).
      if (score < DUPLICATE_SCORE) {
        taken++;
        return;
      }
      reasons.push(`already the title of ${holder}: the same subject twice (merge), or a namesake`);
    }
    const previous = found.get(entry.title);
    if (previous && previous.score >= score) return;
    found.set(entry.title, { title: entry.title, kind, score, via, sources: entry.sources, reasons });
  };
  const forms: { text: string; via: string; alias: boolean }[] = [
    { text: e.wikipedia, via: 'title', alias: false },
    { text: e.name, via: 'name', alias: true },
    ...(e.aliases ?? []).map((a) => ({ text: a, via: `alias:${a}`, alias: true })),
  ];
  const isPerson = e.type === 'person';
  for (const form of forms) {
    const full = fold(form.text);
    const base = fold(splitTitle(form.text).base);
    if (base === '') continue;
    // An alias that is a full title in the list ("Cesare Baronio" for "Caesar Baronius"); a one-word
    // alias ("Essex", "Bayer") is a title of some other subject far more often than of this one.
    if (form.via.startsWith('alias:') && !full.includes(' ')) continue;
    for (const entry of index.byBase.get(full) ?? []) consider(entry, sameNameKind(form.text, entry, form.alias, e.wikipedia), form.via);
    if (full !== base)
      for (const entry of index.byBase.get(base) ?? []) consider(entry, sameNameKind(form.text, entry, false, e.wikipedia), form.via);
    // Aliases only count in full: a one-word alias ("Victor") would bring every namesake's article.
    if (form.alias && form.via !== 'name') continue;
    for (const entry of index.bySortedTokens.get(sortedTokens(base)) ?? [])
      if (entry.foldedBase !== base) consider(entry, 'reordered', form.via);
    const tokens = base.split(' ');
    // Fuller, shorter and surname forms are how people's titles move; for events and places the same
    // word sets name other things ("Battle of X" and "Battle of X Bridge").
    if (!isPerson) {
      /* no name-shape candidates */
    } else if (tokens.length >= 2) {
      // Same last word: "Stamford Raffles" and "Thomas Stamford Raffles", "William Napier" and "Sir William Napier".
      for (const entry of index.byLastToken.get(tokens[tokens.length - 1]!) ?? []) {
        const other = entry.foldedBase.split(' ');
        if (other.length > tokens.length && other.length <= tokens.length + 3 && tokens.every((t) => other.includes(t)))
          consider(entry, 'fuller', form.via);
        else if (other.length >= 2 && other.length < tokens.length && other[0] === tokens[0] && other.every((t) => tokens.includes(t)))
          consider(entry, 'shorter', form.via);
      }
    } else if (base.length >= 5) {
      for (const entry of index.byLastToken.get(base) ?? []) {
        const n = entry.foldedBase.split(' ').length;
        if (n >= 2 && n <= 3) consider(entry, 'surname', form.via);
      }
    }
    if (base.length >= MIN_NEAR_LENGTH) {
      const near = new Set<IndexedTitle>();
      for (const key of [base, ...deletions(base)]) for (const entry of index.byDeletion.get(key) ?? []) near.add(entry);
      for (const entry of near) {
        if (entry.foldedBase === base) continue;
        if (nearSpelling(base, entry.foldedBase)) consider(entry, 'near', form.via);
      }
    }
  }
  const candidates = [...found.values()]
    // Below this a year or the list's birth year speaks against the candidate; and another
    // disambiguator is kept only when the entity's description or years agree with it.
    .filter((c) => c.score >= MIN_SCORE && (c.kind !== 'other-disambiguator' || c.score > KIND_SCORE['other-disambiguator']))
    .sort((a, b) => b.score - a.score || b.sources.length - a.sources.length || a.title.localeCompare(b.title))
    .slice(0, limit);
  return { candidates, taken };
}

/**
 * The report over `checked` entities; `all` is the whole dataset, so a title another entity already
 * carries is never proposed (it names that other subject, or the two are duplicates to merge);
 * `auditNotes` is the text of assets/data/AUDIT.md, whose titles were most often searched already.
 */
export function titlesVs(
  checked: { entity: Entity; file: string }[],
  all: Entity[],
  index: TitleIndex,
  limit = 5,
  auditNotes = '',
): TitleReport {
  const takenTitles = new Map<string, string>();
  for (const e of all) takenTitles.set(titleKey(e.wikipedia), e.id);
  const rows: TitleReportRow[] = [];
  const absent: { entity: Entity; file: string }[] = [];
  let inSource = 0;
  let takenByOthers = 0;
  for (const { entity, file } of checked) {
    if (index.keys.has(titleKey(entity.wikipedia))) {
      inSource++;
      continue;
    }
    absent.push({ entity, file });
    const { candidates, taken } = candidatesFor(entity, index, takenTitles, limit);
    takenByOthers += taken;
    // A title the audit notes name was most often searched and settled after the lists were made
    // (a list's "Barbary pirates" is the title an audit moved to "Barbary corsairs"): ranked lower.
    if (candidates.length > 0 && auditNotes !== '' && namedIn(auditNotes, entity.wikipedia))
      for (const c of candidates) {
        c.score -= AUDITED_PENALTY;
        c.reasons.push('the current title is named in the audit notes (probably searched already)');
      }
    if (candidates.length > 0) rows.push({ entity, file, candidates });
  }
  for (const row of rows) row.candidates.sort((a, b) => b.score - a.score);
  rows.sort((a, b) => b.candidates[0]!.score - a.candidates[0]!.score || a.entity.id.localeCompare(b.entity.id));
  return { checked: checked.length, inSource, notInSource: checked.length - inSource, rows, takenByOthers, absent };
}

const TSV_HEADER = [
  'slice',
  'file',
  'id',
  'type',
  'name',
  'born',
  'current_title',
  'rank',
  'candidate',
  'kind',
  'score',
  'via',
  'sources',
  'reasons',
];

/** One line per candidate, tab-separated, with a header; tabs and newlines in values become spaces. */
export function formatTitleReport(report: TitleReport, sliceOf: (file: string) => string): string {
  const clean = (v: string | number | undefined): string => String(v ?? '').replace(/[\t\r\n]+/g, ' ');
  const lines = [TSV_HEADER.join('\t')];
  for (const { entity, file, candidates } of report.rows)
    candidates.forEach((c, i) =>
      lines.push(
        [
          sliceOf(file),
          file,
          entity.id,
          entity.type,
          entity.name,
          entity.born,
          entity.wikipedia,
          i + 1,
          c.title,
          c.kind,
          c.score,
          c.via,
          c.sources.join(','),
          c.reasons.join('; '),
        ]
          .map(clean)
          .join('\t'),
      ),
    );
  return `${lines.join('\n')}\n`;
}

/** The entities whose title is in no list, one a line (slice, file, id, type, name, title), with a header. */
export function formatAbsent(report: TitleReport, sliceOf: (file: string) => string): string {
  const lines = ['slice\tfile\tid\ttype\tname\ttitle'];
  for (const { entity, file } of report.absent)
    lines.push([sliceOf(file), file, entity.id, entity.type, entity.name, entity.wikipedia].join('\t'));
  return `${lines.join('\n')}\n`;
}

/** The slice letter of a dataset file, or '' for a file in none of the sampled slices. */
export function sliceOfFile(file: string): string {
  const name = basename(file);
  return Object.entries(SLICE_FILES).find(([, re]) => re.test(name))?.[0] ?? '';
}
