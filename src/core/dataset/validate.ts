/**
 * The dataset validator: every rule a source file must keep, as pure code over parsed JSON, so the
 * CLI, the build and the unit tests share it. Problems name the file, the entry and what is wrong.
 */
import { compareDates, parseDate } from '../dates';
import { foldKey } from '../text/fold';
import { nameKey } from '../text/tokens';
import {
  checkAliasCollisions,
  checkDangerousAliases,
  checkRelationDirections,
  checkWorkDates,
  findContextAliases,
  findShortAcronyms,
  type ContextAlias,
  type ShortAcronym,
} from './cross-checks';
import { ENTITY_FIELDS, ENTITY_TYPES, RELATIONS, type Entity } from './types';

export { RELATION_ENDS, surfaceForms, type ContextAlias, type ShortAcronym } from './cross-checks';

export interface SourceFile {
  file: string;
  data: unknown;
}

export interface Problem {
  file: string;
  id?: string;
  problem: string;
}

export interface ValidationResult {
  entities: Entity[];
  problems: Problem[];
  needsContext: ContextAlias[];
  /** Acronyms of one to three capitals: the riskiest forms, listed so authors can review them. */
  shortAcronyms: ShortAcronym[];
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_LIFESPAN_YEARS = 122;
const TYPES: ReadonlySet<string> = new Set(ENTITY_TYPES);
const RELATION_SET: ReadonlySet<string> = new Set(RELATIONS);

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function checkEntity(raw: Record<string, unknown>, report: (problem: string) => void): void {
  for (const key of Object.keys(raw)) if (!ENTITY_FIELDS.has(key)) report(`unknown field "${key}"`);
  if (typeof raw.id !== 'string' || !ID.test(raw.id)) report('id must be a lower-case slug (a-z, 0-9, single hyphens)');
  if (typeof raw.type !== 'string' || !TYPES.has(raw.type)) report(`type must be one of ${ENTITY_TYPES.join(', ')}`);
  if (typeof raw.name !== 'string' || raw.name.trim() === '' || raw.name !== raw.name.trim())
    report('name must be a non-empty trimmed string');
  if (typeof raw.wikipedia !== 'string' || raw.wikipedia.trim() === '' || raw.wikipedia !== raw.wikipedia.trim()) {
    report('wikipedia must be the English Wikipedia article title');
  } else if (/^https?:|_|\/wiki\//.test(raw.wikipedia)) {
    report('wikipedia must be a title with spaces ("Walter Krivitsky"), not a URL or underscored');
  }
  if (typeof raw.description !== 'string') {
    report('description is required');
  } else {
    const d = raw.description.trim();
    if (d.length < 25) report('description is too short (under 25 characters)');
    if (d.length > 400) report('description is too long (over 400 characters; one or two sentences)');
    if (!/[.!?]$/.test(d)) report('description must end with a full stop');
  }
  if (raw.aliases !== undefined) {
    if (!isStringArray(raw.aliases)) report('aliases must be an array of strings');
    else {
      const seen = new Set<string>();
      for (const alias of raw.aliases) {
        const key = nameKey(alias);
        if (key === '') report('an alias is empty');
        else if (typeof raw.name === 'string' && key === nameKey(raw.name)) report(`alias "${alias}" repeats the name`);
        else if (seen.has(key)) report(`alias "${alias}" is listed twice`);
        seen.add(key);
      }
    }
  }
  if (raw.eraNames !== undefined) {
    if (!isStringArray(raw.eraNames) || raw.eraNames.length === 0) report('eraNames must be a non-empty array of strings');
    else {
      const own = new Set(
        [raw.name, ...(isStringArray(raw.aliases) ? raw.aliases : [])]
          .filter((n) => typeof n === 'string')
          .map((n) => nameKey(n as string)),
      );
      for (const name of raw.eraNames) {
        if (nameKey(name) === '') report('an era name is empty');
        else if (own.has(nameKey(name))) report(`era name "${name}" is also the name or an alias: list it once`);
      }
      if (raw.type === 'person') report('eraNames are for places, organizations, events and works, not people');
      else if (raw.start === undefined && raw.end === undefined)
        report("eraNames need the entity's start or end: its era is what they are bound to");
    }
  }
  if (raw.note !== undefined && (typeof raw.note !== 'string' || raw.note.trim().length < 10))
    report('note must be a sentence saying why a fact differs from what a reader might expect');
  for (const field of ['roles', 'tags', 'cues', 'places'] as const) {
    if (raw[field] !== undefined && !isStringArray(raw[field])) report(`${field} must be an array of strings`);
  }
  const isPerson = raw.type === 'person';
  for (const field of ['born', 'died', 'start', 'end'] as const) {
    const value = raw[field];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !parseDate(value))
      report(`${field} "${String(value)}" is not an ISO 8601 partial date (1899-06-28, 1899-06, 1899, -0044-03-15)`);
    if (isPerson && (field === 'start' || field === 'end')) report(`a person has born/died, not ${field}`);
    if (!isPerson && (field === 'born' || field === 'died')) report(`only a person has ${field}; use start/end`);
  }
  if (typeof raw.born === 'string' && typeof raw.died === 'string' && parseDate(raw.born) && parseDate(raw.died)) {
    if (compareDates(raw.born, raw.died) > 0) report(`born ${raw.born} is after died ${raw.died}`);
    const years = parseDate(raw.died)!.year - parseDate(raw.born)!.year;
    if (years > MAX_LIFESPAN_YEARS) report(`lifespan of ${years} years is not plausible`);
  }
  if (typeof raw.start === 'string' && typeof raw.end === 'string' && compareDates(raw.start, raw.end) > 0) {
    report(`start ${raw.start} is after end ${raw.end}`);
  }
  if (raw.coords !== undefined) {
    const c = raw.coords;
    if (raw.type !== 'place') report('only a place has coords');
    if (
      !Array.isArray(c) ||
      c.length !== 2 ||
      typeof c[0] !== 'number' ||
      typeof c[1] !== 'number' ||
      Math.abs(c[0]) > 90 ||
      Math.abs(c[1]) > 180
    ) {
      report('coords must be [latitude, longitude] in degrees');
    }
  }
  if (raw.related !== undefined) {
    if (!Array.isArray(raw.related)) report('related must be an array of { id, relation }');
    else
      for (const r of raw.related as unknown[]) {
        const rel = r as Record<string, unknown>;
        if (typeof rel !== 'object' || rel === null || typeof rel.id !== 'string' || typeof rel.relation !== 'string') {
          report('each related entry must be { "id": string, "relation": string }');
        } else if (!RELATION_SET.has(rel.relation)) {
          report(`relation "${rel.relation}" is not one of: ${RELATIONS.join(', ')}`);
        } else if (rel.id === raw.id) {
          report('an entity cannot relate to itself');
        }
      }
  }
}

/**
 * Validates every source file together: per-entry rules, then the rules across files (unique ids,
 * titles and descriptions; references that resolve), then derives the aliases that need context.
 * commonWords holds lower-case dictionary words; an alias that is one of them needs support to match.
 */
export function validateDataset(files: SourceFile[], commonWords: ReadonlySet<string>): ValidationResult {
  const problems: Problem[] = [];
  const entities: Entity[] = [];
  const fileOf = new Map<string, string>();
  const byId = new Map<string, Entity>();
  const titles = new Map<string, string>();
  const descriptions = new Map<string, string>();

  for (const { file, data } of files) {
    const d = data as Record<string, unknown> | null;
    if (typeof d !== 'object' || d === null || Array.isArray(d)) {
      problems.push({ file, problem: 'the file must hold an object { "topic": string, "entities": [...] }' });
      continue;
    }
    if (typeof d.topic !== 'string') problems.push({ file, problem: 'missing "topic" (a string saying what the file covers)' });
    if (!Array.isArray(d.entities)) {
      problems.push({ file, problem: '"entities" must be an array' });
      continue;
    }
    d.entities.forEach((raw: unknown, index: number) => {
      const where = typeof (raw as Entity)?.id === 'string' ? (raw as Entity).id : `entry #${index + 1}`;
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        problems.push({ file, id: where, problem: 'an entry must be an object' });
        return;
      }
      let ok = true;
      checkEntity(raw as Record<string, unknown>, (problem) => {
        ok = false;
        problems.push({ file, id: where, problem });
      });
      const e = raw as Entity;
      if (typeof e.id === 'string') {
        const other = fileOf.get(e.id);
        if (other !== undefined) {
          problems.push({ file, id: e.id, problem: `duplicate id (also in ${other})` });
          ok = false;
        } else fileOf.set(e.id, file);
      }
      if (typeof e.wikipedia === 'string') {
        const key = e.wikipedia.toLowerCase();
        const other = titles.get(key);
        if (other !== undefined) problems.push({ file, id: where, problem: `wikipedia title "${e.wikipedia}" is also used by ${other}` });
        else titles.set(key, where);
      }
      if (typeof e.description === 'string') {
        const key = foldKey(e.description);
        const other = descriptions.get(key);
        if (other !== undefined) problems.push({ file, id: where, problem: `description duplicates that of ${other}` });
        else descriptions.set(key, where);
      }
      if (ok) {
        entities.push(e);
        byId.set(e.id, e);
      }
    });
  }

  for (const e of entities) {
    const file = fileOf.get(e.id)!;
    for (const r of e.related ?? []) {
      if (!fileOf.has(r.id)) problems.push({ file, id: e.id, problem: `related id "${r.id}" does not exist` });
    }
    for (const p of e.places ?? []) {
      const place = byId.get(p);
      if (!fileOf.has(p)) problems.push({ file, id: e.id, problem: `place id "${p}" does not exist` });
      else if (place && place.type !== 'place')
        problems.push({ file, id: e.id, problem: `places entry "${p}" is a ${place.type}, not a place` });
    }
  }

  const needsContext = findContextAliases(entities, commonWords);
  const report = (e: Entity, problem: string) => problems.push({ file: fileOf.get(e.id)!, id: e.id, problem });
  checkRelationDirections(entities, byId, report);
  checkWorkDates(entities, byId, report);
  checkAliasCollisions(entities, report);
  checkDangerousAliases(entities, needsContext, commonWords, report);
  return { entities, problems, needsContext, shortAcronyms: findShortAcronyms(entities) };
}
