/**
 * The small checks both message validators are built from (validate.ts for the background's requests,
 * validate-tab.ts for the messages a tab's content script accepts), and the walk that refuses
 * prototype keys. Split out so the content script bundles only these and its own table: the
 * background's table pulls in the note, correction and personal-entity checks (content.js budget).
 */
export type Check = (value: unknown) => string | null;

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const str =
  (max = 10_000): Check =>
  (v) =>
    typeof v === 'string' && v.length <= max ? null : `must be a string of at most ${max} characters`;
export const bool: Check = (v) => (typeof v === 'boolean' ? null : 'must be true or false');
export const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined ? null : check(v);
export const arrayOf =
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
export const shape =
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

export const num =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? null : `must be a number from ${min} to ${max}`;

export const oneOf =
  (...values: string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? null : `must be one of ${values.join(', ')}`;

export function check<T extends { type: string }>(
  table: Record<string, Check>,
  message: unknown,
): { ok: true; message: T } | { ok: false; error: string } {
  if (!isObject(message) || typeof message.type !== 'string') return { ok: false, error: 'message must be an object with a string "type"' };
  const fn = Object.hasOwn(table, message.type) ? table[message.type] : undefined;
  if (!fn) return { ok: false, error: `unknown message type "${message.type.slice(0, 60)}"` };
  const problem = prototypeKeyProblem(message) ?? fn(message);
  return problem ? { ok: false, error: `${message.type}: ${problem}` } : { ok: true, message: message as T };
}
