/**
 * The dataset validator's rules across entities: relations that point the right way, works dated
 * after their authors' births, aliases that name another entity, short or common-word aliases that
 * must have cues, and the forms that need context. Called by validateDataset (validate.ts).
 */
import { nameKey } from '../text/tokens';
import { compareDates, parseDate } from '../dates';
import type { Entity, Relation } from './types';

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

export function checkRelationDirections(
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
export function checkWorkDates(
  entities: readonly Entity[],
  byId: ReadonlyMap<string, Entity>,
  report: (e: Entity, p: string) => void,
): void {
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
export function checkAliasCollisions(entities: readonly Entity[], report: (e: Entity, p: string) => void): void {
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
export function checkDangerousAliases(
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

export function findShortAcronyms(entities: readonly Entity[]): ShortAcronym[] {
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

export function findContextAliases(entities: readonly Entity[], commonWords: ReadonlySet<string>): ContextAlias[] {
  const out: ContextAlias[] = [];
  for (const [key, ids] of surfaceForms(entities)) {
    const reasons: ContextAlias['reasons'] = [];
    if (commonWords.has(key)) reasons.push('common-word');
    if (ids.size > 1) reasons.push('shared');
    if (reasons.length > 0) out.push({ key, reasons, ids: [...ids].sort() });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
