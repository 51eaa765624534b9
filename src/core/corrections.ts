/**
 * The reader's corrections ("Not this?"): for one form of a name (its matcher key, "hoover"), on
 * one page, one site or everywhere, which entity it names, or that it is not a name there. The
 * resolver takes them as data (resolveDocument's `corrections`), so it stays pure; the background
 * stores them and passes the ones that apply to a page. Precedence: page over site over everywhere.
 */
import { pageKey } from './notes/model';
import { say } from './text/say';

export type CorrectionScope = 'page' | 'site' | 'everywhere';
export const CORRECTION_SCOPES: readonly CorrectionScope[] = ['page', 'site', 'everywhere'];

export interface Correction {
  /** `${scope} ${where} ${key}`: one correction per form and place, a newer one replaces it. */
  id: string;
  /** The form's key as the matcher folds it ("j edgar hoover", "hoover"). */
  key: string;
  /** The name as the reader saw it ("Hoover"), for the options page. */
  surface: string;
  scope: CorrectionScope;
  /** page: the URL without its fragment; site: the hostname; everywhere: "". */
  where: string;
  /** The entity the form names there, or null: "not a name here". */
  entityId: string | null;
  /** The chosen entity's name when the correction was made, for the options page. */
  entityName?: string;
  created: number;
  updated: number;
}

/** form key -> entity id, or null for "not a name here": what the resolver takes. */
export type CorrectionMap = ReadonlyMap<string, string | null>;

/** Where a correction of `scope` made on `url` applies: the page, its hostname, or "" (everywhere). */
export function correctionPlace(scope: CorrectionScope, url: string): string {
  if (scope === 'everywhere') return '';
  if (scope === 'page') return pageKey(url);
  return hostOf(url);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export function correctionId(c: Pick<Correction, 'scope' | 'where' | 'key'>): string {
  return `${c.scope} ${c.where} ${c.key}`;
}

/** A correction record from its parts; `now` sets created and updated. */
export function makeCorrection(input: {
  key: string;
  surface: string;
  scope: CorrectionScope;
  url: string;
  entityId: string | null;
  entityName?: string;
  now: number;
}): Correction {
  const where = correctionPlace(input.scope, input.url);
  const c: Correction = {
    id: correctionId({ scope: input.scope, where, key: input.key }),
    key: input.key,
    surface: input.surface,
    scope: input.scope,
    where,
    entityId: input.entityId,
    created: input.now,
    updated: input.now,
  };
  if (input.entityName !== undefined) c.entityName = input.entityName;
  return c;
}

const RANK: Record<CorrectionScope, number> = { everywhere: 0, site: 1, page: 2 };

/**
 * The corrections that apply on `url`, one per form key, the most specific scope winning
 * (page > site > everywhere). Cost: O(corrections); the background keeps the list in memory.
 */
export function correctionsForPage(all: readonly Correction[], url: string): Map<string, string | null> {
  const page = pageKey(url);
  const host = hostOf(url);
  const best = new Map<string, Correction>();
  for (const c of all) {
    const applies = c.scope === 'everywhere' || (c.scope === 'site' ? c.where === host && host !== '' : c.where === page);
    if (!applies) continue;
    const had = best.get(c.key);
    if (!had || RANK[c.scope] > RANK[had.scope]) best.set(c.key, c);
  }
  return new Map([...best].map(([key, c]) => [key, c.entityId]));
}

/**
 * The reader's old per-page picks for ambiguous names (the `choices` store and version 1 backups:
 * page -> form key -> entity id) as page corrections, so nothing picked before is lost.
 */
export function correctionsFromChoices(choices: Readonly<Record<string, Readonly<Record<string, string>>>>, now: number): Correction[] {
  const out: Correction[] = [];
  for (const [page, picks] of Object.entries(choices)) {
    for (const [key, entityId] of Object.entries(picks)) {
      out.push(makeCorrection({ key, surface: key, scope: 'page', url: page, entityId, now }));
    }
  }
  return out;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 1e14;
const text = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;

/** Why a value is not a valid correction, in words; null when it is one. */
export function correctionProblem(v: unknown): string | null {
  if (!isObj(v)) return say('recordNotObject');
  if (!text(v.key, 500) || v.key === '') return say('correctionNoKey');
  if (!text(v.surface, 500)) return say('correctionNoName');
  if (typeof v.scope !== 'string' || !(CORRECTION_SCOPES as readonly string[]).includes(v.scope)) return say('correctionBadScope');
  if (!text(v.where, 8192)) return say('correctionNoPlace');
  if (v.scope === 'everywhere' ? v.where !== '' : v.where === '') return say('correctionPlaceScope', v.scope);
  if (v.entityId !== null && (!text(v.entityId, 200) || v.entityId === '')) return say('correctionBadEntity');
  if (v.entityName !== undefined && !text(v.entityName, 500)) return say('correctionBadEntityName');
  if (!isTime(v.created) || !isTime(v.updated)) return say('correctionBadTimes');
  if (v.id !== correctionId(v as unknown as Correction)) return say('correctionBadId');
  for (const field of Object.keys(v))
    if (!['id', 'key', 'surface', 'scope', 'where', 'entityId', 'entityName', 'created', 'updated'].includes(field))
      return say('recordUnknownField', field.slice(0, 40));
  return null;
}
