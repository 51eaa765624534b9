/** Checks a stored pack (from the database's backup file or a message): its record fields, and the pack itself as an imported file would be. */
import { problemLine } from './check';
import { packIdOf, type StoredPack } from './format';
import { parseJsonPack } from './json';
import { say } from '../text/say';

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 1e14;

/** Why a value is not a valid stored pack, or null. */
export function storedPackProblem(v: unknown): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return say('storedPackNotObject');
  const s = v as Record<string, unknown>;
  if (typeof s.enabled !== 'boolean') return say('storedPackBadEnabled');
  if (!isTime(s.imported) || !isTime(s.updated)) return say('storedPackBadTimes');
  let json: string;
  try {
    json = JSON.stringify(s.pack) ?? '';
  } catch {
    return say('storedPackNotData');
  }
  const parsed = parseJsonPack(json);
  if (!parsed.ok) return say('storedPackProblem', problemLine(parsed.problems[0]!));
  if (s.id !== packIdOf(parsed.pack.title)) return say('storedPackBadId', packIdOf(parsed.pack.title), parsed.pack.title);
  return null;
}

/** A stored pack with its pack normalized (as parsed), once storedPackProblem said it is valid. */
export function normalizeStoredPack(v: StoredPack): StoredPack {
  const parsed = parseJsonPack(JSON.stringify(v.pack));
  if (!parsed.ok) throw new Error(say('packStoredInvalid', v.id));
  return { id: v.id, enabled: v.enabled, imported: v.imported, updated: v.updated, pack: parsed.pack };
}
