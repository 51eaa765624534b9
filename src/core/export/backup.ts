/** A lossless, versioned JSON backup of everything the reader made, checked whole before anything is imported. */
import { correctionProblem, correctionsFromChoices, type Correction } from '../corrections';
import { noteProblem, type Note, type PageRef } from '../notes/model';
import type { StoredPack } from '../packs/format';
import { normalizeStoredPack, storedPackProblem } from '../packs/stored';
import { personalEntityProblem, personalListProblem, type PersonalEntity } from '../personal';
import { MAX_DISABLED_SITES, type Settings } from '../protocol/messages';
import { settingsFrom, settingsPatchProblem } from '../settings';
import { byCreated, compareCodes } from './group';

export const BACKUP_FORMAT = 'dramatis-backup';
/**
 * The newest backup version this code reads and the one it writes. 2: the reader's corrections
 * (`corrections`, a list of core/corrections records) replace version 1's `choices` (per-page picks
 * for ambiguous names), which are read as page corrections.
 */
export const BACKUP_VERSION = 2;

/** Version 1's picks for ambiguous names: page (URL without fragment) -> name key -> entity id. */
export type Choices = Record<string, Record<string, string>>;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: number;
  notes: Note[];
  personal: PersonalEntity[];
  settings: Settings;
  corrections: Correction[];
  /** Imported reference packs, as stored. Absent from backups made before packs: read as none. */
  packs: StoredPack[];
}

export type ParsedBackup = { ok: true; backup: BackupFile } | { ok: false; error: string };

export function createBackup(input: {
  notes: Note[];
  personal: PersonalEntity[];
  settings: Settings;
  corrections: Correction[];
  packs?: StoredPack[];
  exportedAt: number;
}): BackupFile {
  return normalize({ format: BACKUP_FORMAT, version: BACKUP_VERSION, ...input, packs: input.packs ?? [] });
}

/** Pretty JSON with a fixed key order and sorted records, so the same data always gives the same file. */
export function serializeBackup(backup: BackupFile): string {
  return `${JSON.stringify(normalize(backup), null, 2)}\n`;
}

/**
 * Copies with only the known fields, in a fixed key order. Stored notes carry derived index keys
 * (pageKey, entityKey); those are rebuilt on import, so they are not part of the backup.
 */
function normalize(b: BackupFile): BackupFile {
  return {
    format: BACKUP_FORMAT,
    version: b.version,
    exportedAt: b.exportedAt,
    notes: b.notes.map(cleanNote).sort(byCreated),
    personal: b.personal.map(cleanPersonal).sort((x, y) => compareCodes(x.id, y.id)),
    // Field by field in the Settings order; a backup from before a field existed takes its default.
    settings: settingsFrom(b.settings),
    corrections: b.corrections.map(cleanCorrection).sort((x, y) => compareCodes(x.id, y.id)),
    packs: (b.packs ?? []).map(normalizeStoredPack).sort((x, y) => compareCodes(x.id, y.id)),
  };
}

function cleanCorrection(c: Correction): Correction {
  const out: Correction = {
    id: c.id,
    key: c.key,
    surface: c.surface,
    scope: c.scope,
    where: c.where,
    entityId: c.entityId,
    created: c.created,
    updated: c.updated,
  };
  if (c.entityName !== undefined) out.entityName = c.entityName;
  return out;
}

const cleanPage = (p: PageRef): PageRef => ({ url: p.url, title: p.title });

/**
 * A time as a backup may hold it. Stores written before times were checked may hold Infinity (a
 * tracked name imported with 1e400), which JSON writes as null and no import accepts: such a time
 * becomes the fallback, so every backup Dramatis writes can be imported again.
 */
const storableTime = (t: number, fallback: number): number => (isTime(t) ? t : isTime(fallback) ? fallback : 0);

function cleanNote(n: Note): Note {
  // kind is in base only to put it second in the file; each case sets its own literal over it.
  const created = storableTime(n.created, 0);
  const base = { id: n.id, kind: n.kind, text: n.text, tags: [...n.tags], created, updated: storableTime(n.updated, created) };
  switch (n.kind) {
    case 'page':
      return { ...base, kind: 'page', page: cleanPage(n.page) };
    case 'passage': {
      const { quote, position } = n.target;
      return {
        ...base,
        kind: 'passage',
        page: cleanPage(n.page),
        target: {
          quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
          position: { type: 'TextPositionSelector', start: position.start, end: position.end },
        },
      };
    }
    case 'entity':
      return { ...base, kind: 'entity', entityId: n.entityId, entityName: n.entityName, ...(n.page ? { page: cleanPage(n.page) } : {}) };
  }
}

function cleanPersonal(e: PersonalEntity): PersonalEntity {
  return {
    id: e.id,
    type: e.type,
    name: e.name,
    aliases: [...e.aliases],
    description: e.description,
    created: storableTime(e.created, 0),
    updated: storableTime(e.updated, storableTime(e.created, 0)),
  };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 1e14;
const fail = (error: string): ParsedBackup => ({ ok: false, error });
const idOf = (v: unknown): string => (isObj(v) && typeof v.id === 'string' && v.id ? `id "${v.id.slice(0, 80)}"` : 'no id');

/** Reads a backup file and checks all of it; nothing in it should be imported unless this says ok. */
export function parseBackup(text: string): ParsedBackup {
  // A byte order mark is what some editors put before JSON; JSON.parse refuses it.
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return fail('The file is empty.');
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (err) {
    return fail(jsonError(source, err instanceof Error ? err.message : String(err)));
  }
  if (!isObj(data) || data.format !== BACKUP_FORMAT) return fail(foreignFile(data));
  const { version } = data;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail('The backup has no valid version number, so it cannot be read safely.');
  if (version > BACKUP_VERSION)
    return fail(
      `This backup was made by a newer version of Dramatis (backup version ${version}; this version reads up to ${BACKUP_VERSION}), so update Dramatis and import it again.`,
    );
  if (!isTime(data.exportedAt)) return fail('The backup has no valid export time, so it looks damaged.');

  const problem =
    listProblem(data.notes, 'notes', 'Note', noteProblem) ??
    listProblem(data.personal, 'personal entities', 'Personal entity', personalEntityProblem) ??
    personalListProblem(data.personal as PersonalEntity[]) ??
    settingsProblem(data.settings) ??
    (version === 1 ? choicesProblem(data.choices) : listProblem(data.corrections, 'corrections', 'Correction', correctionProblem)) ??
    (data.packs === undefined ? null : listProblem(data.packs, 'reference packs', 'Reference pack', storedPackProblem));
  if (problem) return fail(problem);
  // Version 1 kept per-page picks for ambiguous names: they are page corrections now.
  if (version === 1) data.corrections = correctionsFromChoices(data.choices as Choices, data.exportedAt);
  return { ok: true, backup: normalize(data as unknown as BackupFile) };
}

/** Why the JSON did not parse, in words, with a line and column when the parser gave a position. */
function jsonError(source: string, message: string): string {
  let position = Number(/at position (\d+)/.exec(message)?.[1] ?? NaN);
  // Firefox says "JSON.parse: unexpected character at line 1 column 1 of the JSON data".
  const lineColumn = /at line (\d+) column (\d+)/.exec(message);
  if (lineColumn) position = offsetOf(source, Number(lineColumn[1]), Number(lineColumn[2]));
  // Node says "Unexpected token 'h', "hello" is not valid JSON" without a position: that is the first character.
  const first = source.search(/\S/);
  if (Number.isNaN(position) && /^Unexpected token/.test(message) && !/[[{"\-\dtfn]/.test(source[first] ?? '')) position = first;
  if (/end of JSON input/i.test(message) || position >= source.trimEnd().length) {
    return 'The file is cut off before its end (perhaps the download or copy did not finish), so it cannot be imported.';
  }
  if (Number.isNaN(position)) return 'This file is not valid JSON, so it is not a Dramatis backup.';
  const before = source.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `This file is not valid JSON, so it is not a Dramatis backup (the problem is at line ${line}, column ${column}).`;
}

/** The offset of a 1-based line and column in source. */
function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = source.indexOf('\n', offset);
    if (next === -1) return source.length;
    offset = next + 1;
  }
  return offset + column - 1;
}

function foreignFile(data: unknown): string {
  if (isObj(data) && data.type === 'AnnotationCollection')
    return 'This is a Dramatis annotations export, not a backup: only a backup file (dramatis-backup-….json) can be imported.';
  return `This file is not a Dramatis backup: it is JSON, but it does not say "format": "${BACKUP_FORMAT}".`;
}

/** The first invalid or duplicate record in a list, counted from 1 as a reader would. */
function listProblem(list: unknown, plural: string, singular: string, problemOf: (v: unknown) => string | null): string | null {
  if (!Array.isArray(list)) return `The backup's ${plural} are missing or not a list, so it looks damaged.`;
  const seen = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    const problem = problemOf(item);
    if (problem) return `${singular} ${i + 1} of ${list.length} (${idOf(item)}) is damaged: ${problem}.`;
    const id = (item as { id: string }).id;
    const earlier = seen.get(id);
    if (earlier !== undefined)
      return `${plural[0]!.toUpperCase()}${plural.slice(1)} ${earlier + 1} and ${i + 1} have the same id "${id.slice(0, 80)}", so the backup looks damaged or edited by hand.`;
    seen.set(id, i);
  }
  return null;
}

/**
 * The two fields every version wrote are required; the later ones (site mode, density, kinds, mark
 * style, card trigger) are checked when present and take their defaults when absent, so backups
 * from before they existed still import.
 */
export function settingsProblem(v: unknown): string | null {
  if (!isObj(v)) return "The backup's settings are missing, so it looks damaged.";
  if (typeof v.highlightsEnabled !== 'boolean') return "The backup's settings are damaged: highlightsEnabled must be true or false.";
  if (!Array.isArray(v.disabledSites) || !v.disabledSites.every((s) => typeof s === 'string' && s.length <= 253))
    return "The backup's settings are damaged: disabledSites must be a list of site names.";
  if (v.disabledSites.length > MAX_DISABLED_SITES)
    return `The backup switches Dramatis off on ${v.disabledSites.length.toLocaleString('en')} sites; Dramatis keeps at most ${MAX_DISABLED_SITES.toLocaleString('en')}, so the backup looks damaged or edited by hand.`;
  const problem = settingsPatchProblem(v, true);
  return problem ? `The backup's settings are damaged: ${problem}.` : null;
}

function choicesProblem(v: unknown): string | null {
  if (!isObj(v)) return "The backup's choices for ambiguous names are missing, so it looks damaged.";
  for (const [page, picks] of Object.entries(v)) {
    if (page === '__proto__' || (isObj(picks) && Object.hasOwn(picks, '__proto__')))
      return 'The backup\'s choices for ambiguous names hold a "__proto__" key, so it looks damaged or edited by hand.';
    const fine = (k: string, id: unknown) => k !== '' && k.length <= 500 && typeof id === 'string' && id !== '' && id.length <= 200;
    if (page === '' || page.length > 8192 || !isObj(picks) || !Object.entries(picks).every(([k, id]) => fine(k, id)))
      return `The backup's choices for ambiguous names are damaged (on page ${page.slice(0, 200)}).`;
  }
  return null;
}

/**
 * Which incoming records (notes, personal entities) to write: new ids, and known ids whose copy was
 * edited later (a tie keeps the record already here). Each id is written at most once, whatever the
 * input repeats.
 */
export function mergeRecords<T extends { id: string; updated: number }>(
  existing: T[],
  incoming: T[],
): { toWrite: T[]; added: number; updated: number; unchanged: number } {
  const have = new Map(existing.map((r) => [r.id, r]));
  // The newest copy of each incoming id, in first-seen order (a later copy with the same time loses).
  const latest = new Map<string, T>();
  for (const r of incoming) {
    const seen = latest.get(r.id);
    if (!seen || r.updated > seen.updated) latest.set(r.id, r);
  }
  const toWrite: T[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const r of latest.values()) {
    const current = have.get(r.id);
    if (!current) {
      added++;
      toWrite.push(r);
    } else if (r.updated > current.updated) {
      updated++;
      toWrite.push(r);
    } else {
      unchanged++;
    }
  }
  return { toWrite, added, updated, unchanged };
}
