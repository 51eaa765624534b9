/**
 * Boundary checks for every message type: a message from a content script is untrusted input (the
 * page may have been hostile to it), so each field is checked before any handler runs.
 */
import { correctionProblem } from '../corrections';
import { noteProblem } from '../notes/model';
import { personalEntityProblem } from '../personal';
import { settingsPatchProblem } from '../settings';
import type { Request, TabRequest } from './messages';

type Check = (value: unknown) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const MAX_BLOCKS = 50_000;
/** Text one detect call may carry (the content script sends 128 KiB batches; one huge text node may be more). */
export const MAX_DETECT_CHARS = 8 * 1024 * 1024;
const MAX_TEXT = MAX_DETECT_CHARS;
/**
 * A backup file may be any size the browser can hold (1 GiB of text); it crosses in parts of at
 * most 8 Mi characters, each a message far under the 64 MiB cap even when every character takes
 * three bytes of UTF-8 or a six-character JSON escape.
 */
export const MAX_IMPORT_CHARS = 1024 * 1024 * 1024;
export const MAX_IMPORT_PART_CHARS = 8 * 1024 * 1024;

const str =
  (max = 10_000): Check =>
  (v) =>
    typeof v === 'string' && v.length <= max ? null : `must be a string of at most ${max} characters`;
const bool: Check = (v) => (typeof v === 'boolean' ? null : 'must be true or false');
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined ? null : check(v);
const arrayOf =
  (check: Check, max: number): Check =>
  (v) => {
    if (!Array.isArray(v)) return 'must be an array';
    if (v.length > max) return `must have at most ${max} items`;
    for (let i = 0; i < v.length; i++) {
      const problem = check(v[i]);
      if (problem) return `[${i}] ${problem}`;
    }
    return null;
  };
const shape =
  (fields: Record<string, Check>): Check =>
  (v) => {
    if (!isObject(v)) return 'must be an object';
    // Own fields only: `in` would let "constructor" or "__proto__" through as if they were known.
    for (const name of Object.keys(v))
      if (!Object.hasOwn(fields, name) && name !== 'type') return `has an unknown field "${name.slice(0, 60)}"`;
    for (const [name, check] of Object.entries(fields)) {
      const problem = check(Object.hasOwn(v, name) ? v[name] : undefined);
      if (problem) return `${name} ${problem}`;
    }
    return null;
  };

/** Keys that could reach an object's prototype when a message is spread or merged. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 12;

/**
 * The first prototype key anywhere in a message, or a nesting deeper than any message has. One
 * walk over the objects and arrays of the message (strings are not entered), so its cost is the
 * number of values, which the size bounds below already cap.
 */
function prototypeKeyProblem(v: unknown, depth = 0): string | null {
  if (typeof v !== 'object' || v === null) return null;
  if (depth > MAX_DEPTH) return `is nested more than ${MAX_DEPTH} levels deep`;
  if (Array.isArray(v)) {
    for (const item of v) {
      if (typeof item !== 'object') continue;
      const p = prototypeKeyProblem(item, depth + 1);
      if (p) return p;
    }
    return null;
  }
  for (const key of Object.keys(v)) {
    if (PROTOTYPE_KEYS.has(key)) return `has a forbidden field "${key}"`;
    const p = prototypeKeyProblem((v as Record<string, unknown>)[key], depth + 1);
    if (p) return p;
  }
  return null;
}

const blocks: Check = (v) => {
  const problem = arrayOf(str(MAX_TEXT), MAX_BLOCKS)(v);
  if (problem) return problem;
  const total = (v as string[]).reduce((n, s) => n + s.length, 0);
  return total <= MAX_TEXT ? null : `must hold at most ${MAX_TEXT} characters in all`;
};

const via =
  (problem: (v: unknown) => string | null): Check =>
  (v) => {
    const p = problem(v);
    return p ? `is not valid: ${p}` : null;
  };
const num =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? null : `must be a number from ${min} to ${max}`;

const syncAccount = shape({ url: str(2000), user: str(500), password: str(1000) });
const passphrase: Check = (v) =>
  typeof v === 'string' && v.length >= 8 && v.length <= 1000 ? null : 'must be a string of 8 to 1,000 characters';

const REQUESTS: Record<Request['type'], Check> = {
  'notes.save': shape({ note: via(noteProblem) }),
  'notes.delete': shape({ id: str(200) }),
  'notes.forPage': shape({ url: str(8192) }),
  'notes.forEntity': shape({ entityId: str(200) }),
  'notes.query': shape({
    query: shape({
      text: optional(str(1000)),
      entityId: optional(str(200)),
      tag: optional(str(100)),
      site: optional(str(300)),
      kind: optional((v) => (v === 'page' || v === 'passage' || v === 'entity' ? null : 'must be page, passage or entity')),
      sort: optional((v) => (v === 'newest' || v === 'oldest' || v === 'page' ? null : 'must be newest, oldest or page')),
      offset: optional(num(0, 1e9)),
      limit: optional(num(1, 500)),
    }),
  }),
  'personal.list': shape({}),
  'personal.save': shape({ entity: via(personalEntityProblem) }),
  'personal.delete': shape({ id: str(200) }),
  'storage.status': shape({}),
  'backup.data': shape({}),
  // A backup is checked whole by the handler (parseBackup); here only its size is bounded.
  'backup.import': shape({ text: str(512 * 1024 * 1024) }),
  warm: shape({}),
  detect: shape({ blocks, onPage: optional(arrayOf(str(200), 100_000)), url: optional(str(8192)) }),
  'entities.get': shape({ ids: arrayOf(str(200), 10_000) }),
  'card.details': shape({ id: str(200), onPage: arrayOf(str(200), 100_000) }),
  'settings.get': shape({}),
  'backup.page': shape({
    store: (v) =>
      v === 'notes' || v === 'personal' || v === 'corrections' || v === 'packs' ? null : 'must be notes, personal, corrections or packs',
    after: optional(str(8192)),
  }),
  'packs.list': shape({}),
  // A pack file is checked whole by the handler (parsePack); here only its size is bounded, a little
  // above the pack limit so the reader gets the pack's own message about size.
  'packs.import': shape({ fileName: str(1000), text: str(4 * 1024 * 1024) }),
  'packs.setEnabled': shape({ id: str(200), enabled: bool }),
  'packs.remove': shape({ id: str(200) }),
  'packs.export': shape({ id: optional(str(200)), title: optional(str(200)) }),
  'packs.notesForPage': shape({ url: str(8192) }),
  'backup.import.begin': shape({ chars: num(0, MAX_IMPORT_CHARS) }),
  'backup.import.part': shape({ upload: str(100), index: num(0, 1e6), text: str(MAX_IMPORT_PART_CHARS) }),
  'backup.import.commit': shape({ upload: str(100), parts: num(0, 1e6) }),
  'safety.copy': shape({ index: num(0, 1e6) }),
  'safety.resume': shape({}),
  'sync.status': shape({}),
  'sync.test': shape({ account: syncAccount }),
  'sync.enable': shape({ account: syncAccount, passphrase: passphrase, deviceName: str(100) }),
  'sync.now': shape({}),
  'sync.disable': shape({}),
  'sync.removeServerData': shape({}),
  'names.search': shape({ query: str(200), limit: optional(num(0, 50)) }),
  'corrections.list': shape({}),
  'corrections.save': shape({ correction: via(correctionProblem) }),
  'corrections.delete': shape({ id: str(9000) }),
  'settings.set': shape({ patch: (v) => settingsPatchProblem(v) }),
  'data.summary': shape({}),
  'data.deleteAll': shape({}),
};

const oneOf =
  (...values: string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? null : `must be one of ${values.join(', ')}`;

const TAB_REQUESTS: Record<TabRequest['type'], Check> = {
  'page.step': shape({ direction: oneOf('next', 'previous') }),
  'page.notesChanged': shape({}),
  'page.summary': shape({}),
  'page.scrollTo': shape({ id: str(200) }),
  'page.setHighlights': shape({ on: bool }),
  'page.setSiteEnabled': shape({ on: bool }),
  'page.correctionsChanged': shape({}),
  'page.packsChanged': shape({}),
  'page.settings': shape({ settings: (v) => settingsPatchProblem(v) }),
};

function check<T extends { type: string }>(
  table: Record<string, Check>,
  message: unknown,
): { ok: true; message: T } | { ok: false; error: string } {
  if (!isObject(message) || typeof message.type !== 'string') return { ok: false, error: 'message must be an object with a string "type"' };
  const fn = Object.hasOwn(table, message.type) ? table[message.type] : undefined;
  if (!fn) return { ok: false, error: `unknown message type "${message.type.slice(0, 60)}"` };
  const problem = prototypeKeyProblem(message) ?? fn(message);
  return problem ? { ok: false, error: `${message.type}: ${problem}` } : { ok: true, message: message as T };
}

/** Every request type the background accepts (tests hold an example of each). */
export const REQUEST_TYPES = Object.keys(REQUESTS) as Request['type'][];
export const TAB_REQUEST_TYPES = Object.keys(TAB_REQUESTS) as TabRequest['type'][];

export const validateRequest = (message: unknown) => check<Request>(REQUESTS, message);
export const validateTabRequest = (message: unknown) => check<TabRequest>(TAB_REQUESTS, message);
