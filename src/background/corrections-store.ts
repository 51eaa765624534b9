/**
 * The reader's corrections in IndexedDB, and a copy in memory for detection: every `detect` asks
 * for the ones that apply to its page, so reading them from the database each time would cost a
 * transaction per batch. The copy is dropped on every change (here or by a restore).
 *
 * The old `choices` store (per-page picks for ambiguous names) is folded in once, on first use:
 * each pick becomes a page correction in the same transaction that empties it, so nothing is lost
 * and nothing is moved twice. It is not an upgrade step, so the database keeps its version.
 */
import { correctionProblem, correctionsForPage, correctionsFromChoices, type Correction } from '../core/corrections';
import { DramatisError } from '../core/protocol/errors';
import { db } from './db';

let cache: Promise<Correction[]> | undefined;

/** Moves the old per-page picks into corrections (a correction already made for the same form wins). */
async function migrateChoices(): Promise<void> {
  const conn = await db();
  const tx = conn.transaction(['choices', 'corrections'], 'readwrite');
  const choices = tx.objectStore('choices');
  const [keys, values] = await Promise.all([choices.getAllKeys(), choices.getAll()]);
  if (keys.length === 0) {
    await tx.done;
    return;
  }
  const picks: Record<string, Record<string, string>> = {};
  keys.forEach((k, i) => {
    picks[String(k)] = values[i]!;
  });
  const store = tx.objectStore('corrections');
  for (const c of correctionsFromChoices(picks, Date.now())) {
    if ((await store.getKey(c.id)) === undefined) await store.put(c);
  }
  await choices.clear();
  await tx.done;
}

/** Every correction, oldest first; the old choices are moved in on first use. */
export function listCorrections(): Promise<Correction[]> {
  cache ??= migrateChoices()
    .then(async () => (await (await db()).getAll('corrections')).sort((a, b) => a.created - b.created))
    .catch((err: unknown) => {
      cache = undefined;
      throw err;
    });
  return cache;
}

/** The corrections that apply on `url` (form key -> entity id or null), for the resolver. */
export async function correctionsFor(url: string | undefined): Promise<Map<string, string | null> | undefined> {
  if (!url) return undefined;
  const all = await listCorrections();
  return all.length > 0 ? correctionsForPage(all, url) : undefined;
}

/** Forget the copy in memory (after a restore wrote corrections). */
export function dropCorrectionsCache(): void {
  cache = undefined;
}

/** Stores a correction, replacing the one for the same form and place (keeping when it was first made). */
export async function saveCorrection(input: Correction): Promise<Correction> {
  const problem = correctionProblem(input);
  if (problem) throw new DramatisError('invalid', `The correction was not saved: ${problem}.`);
  await listCorrections(); // the old choices first, so a pick never overwrites a newer correction
  const conn = await db();
  const tx = conn.transaction('corrections', 'readwrite');
  const had = await tx.store.get(input.id);
  const saved: Correction = had ? { ...input, created: Math.min(had.created, input.created) } : input;
  await tx.store.put(saved);
  await tx.done;
  cache = undefined;
  return saved;
}

/** Deletes a correction; answers what was deleted (the options page's undo puts it back), or null. */
export async function deleteCorrection(id: string): Promise<Correction | null> {
  await listCorrections();
  const conn = await db();
  const tx = conn.transaction('corrections', 'readwrite');
  const had = (await tx.store.get(id)) ?? null;
  if (had) await tx.store.delete(id);
  await tx.done;
  cache = undefined;
  return had;
}
