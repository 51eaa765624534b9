/** A lossless, versioned JSON backup of everything the reader made, checked whole before anything is imported. */
import { correctionProblem, correctionsFromChoices, type Correction } from '../corrections';
import { noteProblem, type Note, type PageRef } from '../notes/model';
import type { StoredPack } from '../packs/format';
import { normalizeStoredPack, storedPackProblem } from '../packs/stored';
import { personalEntityProblem, personalListProblem, type PersonalEntity } from '../personal';
import { MAX_DISABLED_SITES, type Settings } from '../protocol/messages';
import { settingsFrom, settingsPatchProblem } from '../settings';
import { say, sayCount, sayNumber, type CoreKey } from '../text/say';
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
const idOf = (v: unknown): string =>
  isObj(v) && typeof v.id === 'string' && v.id ? say('backupItemId', v.id.slice(0, 80)) : say('backupItemNoId');

/** Reads a backup file and checks all of it; nothing in it should be imported unless this says ok. */
export function parseBackup(text: string): ParsedBackup {
  // A byte order mark is what some editors put before JSON; JSON.parse refuses it.
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return fail(say('backupFileEmpty'));
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (err) {
    return fail(jsonError(source, err instanceof Error ? err.message : String(err)));
  }
  if (!isObj(data) || data.format !== BACKUP_FORMAT) return fail(foreignFile(data));
  const { version } = data;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail(say('backupNoVersion'));
  if (version > BACKUP_VERSION) return fail(say('backupNewerVersion', version, BACKUP_VERSION));
  if (!isTime(data.exportedAt)) return fail(say('backupNoExportTime'));

  const problem =
    listProblem(data.notes, NOTES, noteProblem) ??
    listProblem(data.personal, PERSONAL, personalEntityProblem) ??
    personalListProblem(data.personal as PersonalEntity[]) ??
    settingsProblem(data.settings) ??
    (version === 1 ? choicesProblem(data.choices) : listProblem(data.corrections, CORRECTIONS, correctionProblem)) ??
    (data.packs === undefined ? null : listProblem(data.packs, PACKS, storedPackProblem));
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
    return say('backupCutOff');
  }
  if (Number.isNaN(position)) return say('backupNotJson');
  const before = source.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return say('backupNotJsonAt', line, column);
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
  if (isObj(data) && data.type === 'AnnotationCollection') return say('backupIsAnnotations');
  return say('backupNotBackup', BACKUP_FORMAT);
}

/** The three sentences about one list of records: one key each, so a translation needs no grammar glue. */
interface ListSentences {
  missing: CoreKey;
  damaged: CoreKey;
  sameId: CoreKey;
}
const NOTES: ListSentences = { missing: 'backupNotesMissing', damaged: 'backupNoteDamaged', sameId: 'backupNotesSameId' };
const PERSONAL: ListSentences = {
  missing: 'backupPersonalEntitiesMissing',
  damaged: 'backupPersonalEntityDamaged',
  sameId: 'backupPersonalEntitiesSameId',
};
const CORRECTIONS: ListSentences = {
  missing: 'backupCorrectionsMissing',
  damaged: 'backupCorrectionDamaged',
  sameId: 'backupCorrectionsSameId',
};
const PACKS: ListSentences = { missing: 'backupPacksMissing', damaged: 'backupPackDamaged', sameId: 'backupPacksSameId' };

/** The first invalid or duplicate record in a list, counted from 1 as a reader would. */
function listProblem(list: unknown, sentences: ListSentences, problemOf: (v: unknown) => string | null): string | null {
  if (!Array.isArray(list)) return say(sentences.missing);
  const seen = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    const problem = problemOf(item);
    if (problem) return say(sentences.damaged, i + 1, list.length, idOf(item), problem);
    const id = (item as { id: string }).id;
    const earlier = seen.get(id);
    if (earlier !== undefined) return say(sentences.sameId, earlier + 1, i + 1, id.slice(0, 80));
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
  if (!isObj(v)) return say('backupSettingsMissing');
  if (typeof v.highlightsEnabled !== 'boolean') return say('backupSettingsDamaged', 'highlightsEnabled must be true or false');
  if (!Array.isArray(v.disabledSites) || !v.disabledSites.every((s) => typeof s === 'string' && s.length <= 253))
    return say('backupSettingsDamaged', 'disabledSites must be a list of site names');
  if (v.disabledSites.length > MAX_DISABLED_SITES)
    return sayCount('backupTooManySites', v.disabledSites.length, sayNumber(MAX_DISABLED_SITES));
  const problem = settingsPatchProblem(v, true);
  return problem ? say('backupSettingsDamaged', problem) : null;
}

function choicesProblem(v: unknown): string | null {
  if (!isObj(v)) return say('backupChoicesMissing');
  for (const [page, picks] of Object.entries(v)) {
    if (page === '__proto__' || (isObj(picks) && Object.hasOwn(picks, '__proto__'))) return say('backupChoicesProto');
    const fine = (k: string, id: unknown) => k !== '' && k.length <= 500 && typeof id === 'string' && id !== '' && id.length <= 200;
    if (page === '' || page.length > 8192 || !isObj(picks) || !Object.entries(picks).every(([k, id]) => fine(k, id)))
      return say('backupChoicesDamaged', page.slice(0, 200));
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
