/**
 * Boundary checks for every message type: a message from a content script is untrusted input (the
 * page may have been hostile to it), so each field is checked before any handler runs.
 */
import { noteProblem } from '../notes/model';
import { personalEntityProblem } from '../personal';
import type { Request, TabRequest } from './messages';

type Check = (value: unknown) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const MAX_BLOCKS = 50_000;
const MAX_TEXT = 8 * 1024 * 1024;

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
    for (const [name, check] of Object.entries(fields)) {
      const problem = check(v[name]);
      if (problem) return `${name} ${problem}`;
    }
    for (const name of Object.keys(v)) if (!(name in fields) && name !== 'type') return `has an unknown field "${name}"`;
    return null;
  };

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
  detect: shape({ blocks, onPage: optional(arrayOf(str(200), 100_000)) }),
  'entities.get': shape({ ids: arrayOf(str(200), 10_000) }),
  'card.details': shape({ id: str(200), onPage: arrayOf(str(200), 100_000) }),
  'settings.get': shape({}),
  'choices.get': shape({ url: str(8192) }),
  'choices.set': shape({ url: str(8192), key: str(500), id: str(200) }),
  'packs.list': shape({}),
  // A pack file is checked whole by the handler (parsePack); here only its size is bounded, a little
  // above the pack limit so the reader gets the pack's own message about size.
  'packs.import': shape({ fileName: str(1000), text: str(4 * 1024 * 1024) }),
  'packs.setEnabled': shape({ id: str(200), enabled: bool }),
  'packs.remove': shape({ id: str(200) }),
  'packs.export': shape({ id: optional(str(200)), title: optional(str(200)) }),
  'settings.set': shape({
    patch: shape({ highlightsEnabled: optional(bool), disabledSites: optional(arrayOf(str(253), 10_000)) }),
  }),
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
};

function check<T extends { type: string }>(
  table: Record<string, Check>,
  message: unknown,
): { ok: true; message: T } | { ok: false; error: string } {
  if (!isObject(message) || typeof message.type !== 'string') return { ok: false, error: 'message must be an object with a string "type"' };
  const fn = Object.hasOwn(table, message.type) ? table[message.type] : undefined;
  if (!fn) return { ok: false, error: `unknown message type "${message.type.slice(0, 60)}"` };
  const problem = fn(message);
  return problem ? { ok: false, error: `${message.type}: ${problem}` } : { ok: true, message: message as T };
}

/** Every request type the background accepts (tests hold an example of each). */
export const REQUEST_TYPES = Object.keys(REQUESTS) as Request['type'][];
export const TAB_REQUEST_TYPES = Object.keys(TAB_REQUESTS) as TabRequest['type'][];

export const validateRequest = (message: unknown) => check<Request>(REQUESTS, message);
export const validateTabRequest = (message: unknown) => check<TabRequest>(TAB_REQUESTS, message);
