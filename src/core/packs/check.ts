/**
 * The checks both pack formats share: one entity's fields, names unique, notes and relations that
 * point at entities of the pack. Each problem says where it is (the caller's `where`: a JSON path or
 * a CSV row and column) and what to do. Nothing here throws; a pack with any error is refused whole.
 */
import { compareDates, parseDate } from '../dates';
import { ENTITY_TYPES, RELATIONS, type EntityType, type Relation } from '../dataset/types';
import { isSafeNoteLink } from '../notes/safe-links';
import { foldKey } from '../text/fold';
import { say, sayCount, sayNumber } from '../text/say';
import { PACK_LIMITS, type Pack, type PackEntity, type PackNote, type PackRelated } from './format';

export interface PackProblem {
  /** Where: `entities[3].born` in JSON, `row 5, column E (born)` in CSV, `file` for the whole file. */
  where: string;
  message: string;
}

export type PackResult =
  { ok: true; pack: Pack; warnings: PackProblem[] } | { ok: false; problems: PackProblem[]; warnings: PackProblem[] };

/** One problem as one line, as the CLI and the options page show it. */
export const problemLine = (p: PackProblem): string => `${p.where}: ${p.message}`;

export class Problems {
  readonly errors: PackProblem[] = [];
  readonly warnings: PackProblem[] = [];
  error(where: string, message: string): void {
    // A broken file could repeat one mistake thousands of times: the first 200 are enough to act on.
    if (this.errors.length < 200) this.errors.push({ where, message });
  }
  warn(where: string, message: string): void {
    if (this.warnings.length < 50) this.warnings.push({ where, message });
  }
}

const n = sayNumber;

/** Some text for a field: trimmed, or undefined when empty. A problem when it is not text or too long. */
export function text(value: unknown, max: number, where: string, p: Problems, what = say('packWhatThis')): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    p.error(where, say('packFieldNotText', what, describe(value)));
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed.length > max) {
    p.error(where, say('packFieldTooLong', what, n(trimmed.length), n(max)));
    return undefined;
  }
  return trimmed === '' ? undefined : trimmed;
}

export function describe(value: unknown): string {
  if (Array.isArray(value)) return say('packValueList');
  if (value === null) return 'null';
  if (typeof value === 'object') return say('packValueObject');
  if (typeof value === 'string') return say('packValueText', value.slice(0, 40));
  if (typeof value === 'number') return say('packValueNumber', String(value));
  if (typeof value === 'boolean') return say('packValueBoolean', String(value));
  return `${typeof value} ${String(value)}`; // undefined, bigint…: not in JSON or CSV, so a reader never sees it
}

function date(value: unknown, where: string, p: Problems): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) value = String(value);
  const s = text(value, 20, where, p, say('packWhatDate'));
  if (s === undefined) return undefined;
  if (parseDate(s)) return s;
  const bc = /^(\d{1,4})\s*(BC|BCE|B\.C\.)$/i.exec(s);
  if (bc) p.error(where, say('packDateBc', s, bc[1]!.padStart(4, '0'), bc[1]!));
  else if (/^-?\d{1,3}$/.test(s))
    p.error(where, say('packDateShortYear', s, `${s.startsWith('-') ? '-' : ''}${s.replace('-', '').padStart(4, '0')}`));
  else if (/^(c\.?|ca\.?|circa|about)\s*\d/i.test(s)) p.error(where, say('packDateCirca', s, /\d+/.exec(s)![0]));
  else p.error(where, say('packDateUnknown', s, say('packDateHelp')));
  return undefined;
}

function entityType(value: unknown, where: string, p: Problems): EntityType | undefined {
  const s = text(value, 40, where, p, say('packWhatType'));
  if (s === undefined) {
    if (value === undefined || value === null || value === '') p.error(where, say('packTypeMissing', ENTITY_TYPES.join(', ')));
    return undefined;
  }
  if ((ENTITY_TYPES as readonly string[]).includes(s)) return s as EntityType;
  const lower = s.toLowerCase();
  if ((ENTITY_TYPES as readonly string[]).includes(lower)) {
    p.error(where, say('packTypeCase', s, lower));
    return undefined;
  }
  const plural = lower.replace(/s$/, '').replace(/ie$/, 'y');
  const types = ENTITY_TYPES.join(', ');
  const guessed = (ENTITY_TYPES as readonly string[]).includes(plural);
  p.error(where, guessed ? say('packTypeDidYouMean', s, plural, types) : say('packTypeUnknown', s, types));
  return undefined;
}

/** A link for the card: http or https only (the link policy of src/core/notes/safe-links.ts). */
export function webLink(value: unknown, where: string, p: Problems, what = say('packWhatLink')): string | undefined {
  const s = text(value, PACK_LIMITS.url, where, p, what);
  if (s === undefined) return undefined;
  if (!isSafeNoteLink(s) || /^mailto:/i.test(s)) {
    p.error(where, say('packLinkScheme', what, s.slice(0, 60)));
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(s);
  } catch {
    p.error(where, say('packLinkIncomplete', what, s.slice(0, 60)));
    return undefined;
  }
  if (!parsed.hostname) {
    p.error(where, say('packLinkNoSite', what, s.slice(0, 60)));
    return undefined;
  }
  return s;
}

function wikipediaTitle(value: unknown, where: string, p: Problems): string | undefined {
  const s = text(value, 300, where, p, say('packWhatWikipedia'));
  if (s === undefined) return undefined;
  const fromUrl = /^https?:\/\/en\.(?:m\.)?wikipedia\.org\/wiki\/([^?#]+)/i.exec(s);
  if (fromUrl) {
    let title = fromUrl[1]!;
    try {
      title = decodeURIComponent(title);
    } catch {
      /* keep it encoded in the hint */
    }
    p.error(where, say('packWikipediaAddress', title.replace(/_/g, ' ')));
    return undefined;
  }
  if (/^https?:/i.test(s) || /[[\]{}|<>#]/.test(s)) {
    p.error(where, say('packWikipediaNotTitle', s.slice(0, 60)));
    return undefined;
  }
  return s;
}

/** [lat, lon] from numbers; `whereLat`/`whereLon` say where each came from. */
export function coordinates(lat: unknown, lon: unknown, whereLat: string, whereLon: string, p: Problems): [number, number] | undefined {
  if (typeof lat !== 'number' || !Number.isFinite(lat)) {
    p.error(whereLat, say('packLatitudeNotNumber', describe(lat)));
    return undefined;
  }
  if (typeof lon !== 'number' || !Number.isFinite(lon)) {
    p.error(whereLon, say('packLongitudeNotNumber', describe(lon)));
    return undefined;
  }
  if (lat < -90 || lat > 90) {
    // Within ±90 the longitude could be the latitude: the two were probably written the wrong way round.
    p.error(whereLat, say(Math.abs(lon) <= 90 ? 'packLatitudeRangeSwapped' : 'packLatitudeRange', lat));
    return undefined;
  }
  if (lon < -180 || lon > 180) {
    p.error(whereLon, say('packLongitudeRange', lon));
    return undefined;
  }
  return [lat, lon];
}

/** What a format hands over for one entity: raw values, where each came from, already split (aliases) or paired (coords). */
export interface EntityInput {
  values: Record<string, unknown>;
  /** Where a field is, for messages. */
  at: (field: string) => string;
  /** Coordinates, already read by the format (JSON: an array; CSV: two columns), or undefined. */
  coords?: [number, number];
}

/** Checks one entity; undefined when it has an error (already reported). */
export function checkEntity(input: EntityInput, p: Problems): PackEntity | undefined {
  const { values: v, at } = input;
  const before = p.errors.length;
  const name = text(v.name, PACK_LIMITS.name, at('name'), p, say('packWhatName'));
  if (name === undefined && !(typeof v.name === 'string' && v.name.trim().length > PACK_LIMITS.name) && typeof v.name !== 'number')
    p.error(at('name'), say('packNameMissing'));
  else if (name !== undefined && !/[\p{L}\p{N}].*[\p{L}\p{N}]|[\p{L}\p{N}]{2}/u.test(name))
    p.error(at('name'), say('packNameTooShort', name));
  const type = entityType(v.type, at('type'), p);
  const aliases = aliasList(v.aliases, at('aliases'), p);
  const description = text(v.description, PACK_LIMITS.description, at('description'), p, say('packWhatDescription'));
  const born = date(v.born, at('born'), p);
  const died = date(v.died, at('died'), p);
  const start = date(v.start, at('start'), p);
  const end = date(v.end, at('end'), p);
  if (born && died && compareDates(born, died) > 0) p.error(at('died'), say('packDiedBeforeBorn', died, born));
  if (start && end && compareDates(start, end) > 0) p.error(at('end'), say('packEndBeforeStart', end, start));
  if (type && type !== 'person' && (born || died)) p.error(at(born ? 'born' : 'died'), say('packLifeDatesNotPerson', type));
  const wikipedia = wikipediaTitle(v.wikipedia, at('wikipedia'), p);
  const url = webLink(v.url, at('url'), p);
  const related = relatedList(v.related, at('related'), p);
  if (p.errors.length > before || name === undefined || type === undefined) return undefined;
  const e: PackEntity = { name, type };
  if (aliases.length) e.aliases = aliases;
  if (description) e.description = description;
  if (born) e.born = born;
  if (died) e.died = died;
  if (start) e.start = start;
  if (end) e.end = end;
  if (wikipedia) e.wikipedia = wikipedia;
  if (url) e.url = url;
  if (input.coords) e.coords = input.coords;
  if (related.length) e.related = related;
  return e;
}

function aliasList(value: unknown, where: string, p: Problems): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((a) => typeof a === 'string')) {
    p.error(where, say('packAliasesNotList'));
    return [];
  }
  const out: string[] = [];
  for (const raw of value as string[]) {
    const a = raw.trim();
    if (a === '') continue;
    if (a.length > PACK_LIMITS.name) p.error(where, say('packAliasTooLong', a.slice(0, 40), PACK_LIMITS.name));
    else if (a.length < 2) p.error(where, say('packAliasTooShort', a));
    else if (!out.some((b) => foldKey(b) === foldKey(a))) out.push(a);
  }
  if (out.length > PACK_LIMITS.aliases) p.error(where, sayCount('packTooManyAliases', out.length, PACK_LIMITS.aliases));
  return out;
}

function relatedList(value: unknown, where: string, p: Problems): PackRelated[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    p.error(where, say('packRelatedNotList'));
    return [];
  }
  if (value.length > PACK_LIMITS.related) p.error(where, say('packTooManyRelated', PACK_LIMITS.related));
  const out: PackRelated[] = [];
  value.slice(0, PACK_LIMITS.related).forEach((r: unknown, i) => {
    const w = `${where}[${i}]`;
    if (typeof r !== 'object' || r === null || Array.isArray(r)) {
      p.error(w, say('packRelatedNotObject'));
      return;
    }
    const o = r as Record<string, unknown>;
    const name = text(o.name, PACK_LIMITS.name, `${w}.name`, p, say('packWhatName'));
    const wikipedia = wikipediaTitle(o.wikipedia, `${w}.wikipedia`, p);
    if (!name && !wikipedia) p.error(w, say('packRelatedWhich'));
    const relation = typeof o.relation === 'string' ? o.relation.trim() : o.relation;
    if (typeof relation !== 'string' || !(RELATIONS as readonly string[]).includes(relation)) {
      p.error(`${w}.relation`, say('packRelationUnknown', String(relation).slice(0, 40), RELATIONS.join(', ')));
      return;
    }
    if (name || wikipedia) out.push({ ...(name ? { name } : {}), ...(wikipedia ? { wikipedia } : {}), relation: relation as Relation });
  });
  return out;
}

/** Checks a passage note's W3C target (as the annotations export writes it). */
export function checkTarget(value: unknown, where: string, p: Problems): PackNote | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    p.error(where, say('packTargetShape'));
    return undefined;
  }
  const t = value as Record<string, unknown>;
  const before = p.errors.length;
  const source = webLink(t.source, `${where}.source`, p, say('packWhatPageAddress'));
  if (!source && t.source === undefined) p.error(`${where}.source`, say('packTargetSource'));
  const selectors = Array.isArray(t.selector) ? (t.selector as unknown[]) : [t.selector];
  const quote = selectors.find(
    (s) => typeof s === 'object' && s !== null && (s as Record<string, unknown>).type === 'TextQuoteSelector',
  ) as Record<string, unknown> | undefined;
  const position = selectors.find(
    (s) => typeof s === 'object' && s !== null && (s as Record<string, unknown>).type === 'TextPositionSelector',
  ) as Record<string, unknown> | undefined;
  const exact = quote ? text(quote.exact, PACK_LIMITS.quote, `${where}.selector`, p, say('packWhatQuote')) : undefined;
  if (!exact) {
    if (p.errors.length === before || quote) p.error(`${where}.selector`, say('packTargetQuote'));
    return undefined;
  }
  const prefix = text(quote!.prefix ?? '', 1000, `${where}.selector`, p, say('packWhatPrefix'));
  const suffix = text(quote!.suffix ?? '', 1000, `${where}.selector`, p, say('packWhatSuffix'));
  let pos: { type: 'TextPositionSelector'; start: number; end: number } | undefined;
  if (position) {
    const { start, end } = position;
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) < (start as number))
      p.error(`${where}.selector`, say('packTargetPosition'));
    else pos = { type: 'TextPositionSelector', start: start as number, end: end as number };
  }
  if (p.errors.length > before || !source) return undefined;
  const q = { type: 'TextQuoteSelector' as const, exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
  return { target: { source, selector: pos ? [q, pos] : [q] }, text: '' };
}

/**
 * What holds across the pack: names unique, the entity count, and every note and relation naming an
 * entity of the pack. `whereEntity(i, field)` and `whereNote(i, field)` locate problems.
 */
export function checkPack(
  pack: Pack,
  p: Problems,
  whereEntity: (i: number, field: string) => string,
  whereNote: (i: number, field: string) => string,
): void {
  if (pack.entities.length === 0) p.error('file', say('packNoEntities'));
  if (pack.entities.length > PACK_LIMITS.entities)
    p.error('file', sayCount('packTooManyEntities', pack.entities.length, n(PACK_LIMITS.entities)));
  if (pack.notes.length > PACK_LIMITS.notes) p.error('file', sayCount('packTooManyNotes', pack.notes.length, n(PACK_LIMITS.notes)));
  const byName = new Map<string, number>();
  const byTitle = new Map<string, number>();
  pack.entities.forEach((e, i) => {
    const key = foldKey(e.name);
    const first = byName.get(key);
    if (first !== undefined) p.error(whereEntity(i, 'name'), say('packNameTaken', e.name, whereEntity(first, 'name')));
    else byName.set(key, i);
    if (e.wikipedia) {
      const t = foldKey(e.wikipedia);
      const other = byTitle.get(t);
      if (other !== undefined) p.error(whereEntity(i, 'wikipedia'), say('packWikipediaTaken', e.wikipedia, pack.entities[other]!.name));
      else byTitle.set(t, i);
    }
  });
  pack.entities.forEach((e, i) =>
    (e.related ?? []).forEach((r, j) => {
      if (r.name !== undefined && !byName.has(foldKey(r.name)))
        p.error(whereEntity(i, `related[${j}].name`), say('packRelatedNotInPack', r.name));
    }),
  );
  pack.notes.forEach((note, i) => {
    if ('entity' in note && !byName.has(foldKey(note.entity))) p.error(whereNote(i, 'entity'), say('packNoteEntityNotInPack', note.entity));
    if ('wikipedia' in note && !byTitle.has(foldKey(note.wikipedia)))
      p.error(whereNote(i, 'wikipedia'), say('packNoteWikipediaNotInPack', note.wikipedia));
  });
}

/** Bytes of the text as UTF-8, without encoding it (for the size limit before anything is parsed). */
export function utf8Bytes(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function sizeProblem(textOf: string, p: Problems): boolean {
  const bytes = utf8Bytes(textOf);
  if (bytes <= PACK_LIMITS.fileBytes) return false;
  p.error('file', say('packFileTooBig', (bytes / 1024 / 1024).toFixed(1), PACK_LIMITS.fileBytes / 1024 / 1024));
  return true;
}
