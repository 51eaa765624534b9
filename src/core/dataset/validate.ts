/**
 * The dataset validator: every rule a source file must keep, as pure code over parsed JSON, so the
 * CLI, the build and the unit tests share it. Problems name the file, the entry and what is wrong.
 */
import { compareDates, parseDate } from '../dates';
import { foldKey } from '../text/fold';
import { nameKey } from '../text/tokens';
import { ENTITY_FIELDS, ENTITY_TYPES, RELATIONS, type Entity, type Relation } from './types';

export interface SourceFile {
  file: string;
  data: unknown;
}

export interface Problem {
  file: string;
  id?: string;
  problem: string;
}

/** An alias the matcher must not trust alone: a dictionary word, or a form several entities share. */
export interface ContextAlias {
  key: string;
  reasons: ('common-word' | 'shared')[];
  ids: string[];
}

/** An all-capitals alias of at most three letters (SD, SA, UN) and the entities that carry it. */
export interface ShortAcronym {
  alias: string;
  ids: string[];
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

type Kind = Entity['type'];

/**
 * What each relation allows at either end, read "subject <relation> target". A relation whose
 * subject or target has another type points the wrong way (an organization that "founded" a person:
 * the person founded it, or was a member) or is the wrong relation. Collective agents (an
 * organization, a tribunal, an operation) may found, kill, investigate and prosecute; only people
 * write, teach, recruit, run agents, serve as secretaries or bodyguards.
 */
export const RELATION_ENDS: Partial<Record<Relation, { subject?: readonly Kind[]; target?: readonly Kind[]; why: string }>> = {
  founded: {
    subject: ['person', 'organization', 'event', 'work'],
    target: ['organization', 'place', 'event', 'work'],
    why: 'a person, a body, an event or an act founds something, never a person',
  },
  led: {
    subject: ['person', 'organization'],
    target: ['organization', 'place', 'event', 'work'],
    why: 'a person or an organization leads; a person is not led',
  },
  killed: { subject: ['person', 'organization', 'event'], target: ['person'], why: 'a person, a group or an operation kills a person' },
  recruited: { subject: ['person'], target: ['person', 'organization'], why: 'a person recruits' },
  investigated: { subject: ['person', 'organization', 'event'], why: 'a person, a body or an inquiry investigates' },
  prosecuted: { subject: ['person', 'organization', 'event'], why: 'a prosecutor, a court or a trial prosecutes' },
  author_of: { subject: ['person'], target: ['work', 'event'], why: 'a person is the author of a work (or a speech, a telegram)' },
  teacher_of: { subject: ['person'], target: ['person'], why: 'a person teaches a person' },
  handler_of: { subject: ['person'], target: ['person', 'organization'], why: 'a case officer (a person) runs an agent or a ring' },
  secretary_of: { subject: ['person'], target: ['person', 'organization'], why: 'a person is a secretary' },
  bodyguard_of: { subject: ['person'], target: ['person'], why: 'a person guards a person' },
  written_by: { subject: ['work'], target: ['person', 'organization'], why: 'a work is written by a person (or a drafting body)' },
  capital_of: { subject: ['place'], target: ['place'], why: 'a place is the capital of a place' },
  located_in: { subject: ['place'], target: ['place'], why: 'a place lies in a place (a work uses "places")' },
  member_of: {
    target: ['organization'],
    why: 'one is a member of an organization (a state joins one too); use participant_in for an event',
  },
};

/** `part_of` from an event: an event belongs to a larger event, or to the history of a polity (a place); never to an organization or a work. */
const EVENT_PART_OF: readonly Kind[] = ['event', 'place'];

function checkRelationDirections(
  entities: readonly Entity[],
  byId: ReadonlyMap<string, Entity>,
  report: (e: Entity, p: string) => void,
): void {
  for (const e of entities) {
    for (const r of e.related ?? []) {
      const target = byId.get(r.id);
      if (!target) continue;
      const ends = RELATION_ENDS[r.relation];
      if (ends?.subject && !ends.subject.includes(e.type))
        report(
          e,
          `"${r.relation}" needs a ${ends.subject.join('/')} as subject, not a ${e.type} (${e.id} ${r.relation} ${r.id}: ${ends.why})`,
        );
      else if (ends?.target && !ends.target.includes(target.type))
        report(
          e,
          `"${r.relation}" needs a ${ends.target.join('/')} as target, not a ${target.type} (${e.id} ${r.relation} ${r.id}: ${ends.why})`,
        );
      if (r.relation === 'part_of' && e.type === 'event' && !EVENT_PART_OF.includes(target.type))
        report(
          e,
          `an event is part_of an event (or a polity), not a ${target.type} (${e.id} part_of ${r.id}); reverse it with led, participant_in or founded`,
        );
    }
  }
}

/** A work cannot come out before its author was born (written_by on the work, author_of on the person). */
function checkWorkDates(entities: readonly Entity[], byId: ReadonlyMap<string, Entity>, report: (e: Entity, p: string) => void): void {
  const authors = new Map<string, Set<string>>();
  const link = (work: Entity, person: Entity) => {
    if (work.type !== 'work' || person.type !== 'person') return;
    let set = authors.get(work.id);
    if (!set) authors.set(work.id, (set = new Set()));
    set.add(person.id);
  };
  for (const e of entities)
    for (const r of e.related ?? []) {
      const other = byId.get(r.id);
      if (!other) continue;
      if (r.relation === 'written_by') link(e, other);
      if (r.relation === 'author_of') link(other, e);
    }
  for (const [workId, ids] of authors) {
    const work = byId.get(workId)!;
    const start = parseDate(work.start);
    if (!work.start || !start) continue;
    for (const id of ids) {
      const author = byId.get(id)!;
      const born = parseDate(author.born);
      if (!author.born || !born) continue;
      if (compareDates(work.start, author.born) < 0 || start.year < born.year)
        report(work, `start ${work.start} precedes the birth of its author ${author.id} (${author.born})`);
    }
  }
}

/**
 * An alias that is another entity's own name or Wikipedia title sends readers of that entity to this
 * one ("Trial of Charles I" as an alias of the execution). One word alone (a surname, "Hoover") is a
 * form shared by design: the matcher weighs it with context, so it is allowed.
 */
function checkAliasCollisions(entities: readonly Entity[], report: (e: Entity, p: string) => void): void {
  const owners = new Map<string, Set<string>>();
  for (const e of entities)
    for (const form of [e.name, e.wikipedia]) {
      const key = nameKey(form);
      let set = owners.get(key);
      if (!set) owners.set(key, (set = new Set()));
      set.add(e.id);
    }
  for (const e of entities)
    for (const alias of e.aliases ?? []) {
      const key = nameKey(alias);
      if (!key.includes(' ')) continue;
      const others = [...(owners.get(key) ?? [])].filter((id) => id !== e.id);
      if (others.length > 0) report(e, `alias "${alias}" is the name or title of ${others.join(', ')}`);
    }
}

const SHORT_ACRONYM = /^[A-Z]{1,4}$/;

/**
 * Short forms that are easy to meet by accident: an acronym of one to four capitals (SD, NEP) or a
 * common word written with a hyphen (non-intervention, sans-culotte). Each must be weighed with context: the form
 * is already shared or a dictionary word (needsContext), or the entity has cues that speak for it.
 */
function checkDangerousAliases(
  entities: readonly Entity[],
  needsContext: readonly ContextAlias[],
  commonWords: ReadonlySet<string>,
  report: (e: Entity, p: string) => void,
): void {
  const flagged = new Set(needsContext.map((c) => c.key));
  for (const e of entities) {
    if ((e.cues ?? []).length > 0) continue;
    for (const alias of e.aliases ?? []) {
      const key = nameKey(alias);
      if (flagged.has(key)) continue;
      const parts = key.split(' ');
      // A hyphenated form in lower case (non-intervention) or one that is a word when joined (sans-culotte);
      // a capitalised compound of words (Saint-Just, Sykes-Picot) reads as a name and needs no more.
      const hyphenWord =
        /^[\p{L}]+(?:-[\p{L}]+)+$/u.test(alias) &&
        (commonWords.has(parts.join('')) || (/^\p{Ll}/u.test(alias) && parts.every((p) => commonWords.has(p))));
      if (SHORT_ACRONYM.test(alias))
        report(e, `acronym alias "${alias}" matches alone: add cues (words that speak for this entity near it)`);
      else if (hyphenWord) report(e, `alias "${alias}" is a common word: add cues (words that speak for this entity near it)`);
    }
  }
}

function findShortAcronyms(entities: readonly Entity[]): ShortAcronym[] {
  const byAlias = new Map<string, Set<string>>();
  for (const e of entities)
    for (const form of [e.name, ...(e.aliases ?? [])]) {
      if (!/^[A-Z]{1,3}$/.test(form)) continue;
      let set = byAlias.get(form);
      if (!set) byAlias.set(form, (set = new Set()));
      set.add(e.id);
    }
  return [...byAlias]
    .map(([alias, ids]) => ({ alias, ids: [...ids].sort() }))
    .sort((a, b) => (a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : 0));
}

/** Every surface form (name and aliases) by folded key, with the ids that carry it. */
export function surfaceForms(entities: readonly Entity[]): Map<string, Set<string>> {
  const forms = new Map<string, Set<string>>();
  for (const e of entities) {
    for (const form of [e.name, ...(e.aliases ?? [])]) {
      const key = nameKey(form);
      let ids = forms.get(key);
      if (!ids) forms.set(key, (ids = new Set()));
      ids.add(e.id);
    }
  }
  return forms;
}

function findContextAliases(entities: readonly Entity[], commonWords: ReadonlySet<string>): ContextAlias[] {
  const out: ContextAlias[] = [];
  for (const [key, ids] of surfaceForms(entities)) {
    const reasons: ContextAlias['reasons'] = [];
    if (commonWords.has(key)) reasons.push('common-word');
    if (ids.size > 1) reasons.push('shared');
    if (reasons.length > 0) out.push({ key, reasons, ids: [...ids].sort() });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
