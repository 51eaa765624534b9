/**
 * "Your data" on the options page: how much the reader keeps, store by store, and "delete
 * everything" in ONE transaction over those stores (it all goes, or nothing does).
 */
import type { DataSummary } from '../core/protocol/messages';
import { db } from './db';

/** The stores "delete everything" clears; sync's own state is left to sync (it describes the server, not the reader's data). */
const READER_STORES = ['notes', 'personal', 'corrections', 'packs', 'choices', 'settings'] as const;

export async function dataSummary(): Promise<DataSummary> {
  const conn = await db();
  const tx = conn.transaction(['notes', 'personal', 'corrections', 'packs', 'choices'], 'readonly');
  const [notes, personal, corrections, packs, choices] = await Promise.all([
    tx.objectStore('notes').count(),
    tx.objectStore('personal').count(),
    tx.objectStore('corrections').count(),
    tx.objectStore('packs').count(),
    tx.objectStore('choices').count(),
  ]);
  await tx.done;
  return { notes, personal, corrections, packs, choices };
}

/** Deletes every note, tracked name, correction, pack, remembered pick and the settings; returns what was there. */
export async function deleteEverything(): Promise<DataSummary> {
  const conn = await db();
  const tx = conn.transaction([...READER_STORES], 'readwrite');
  const counts = await Promise.all(
    ['notes', 'personal', 'corrections', 'packs', 'choices'].map((s) => tx.objectStore(s as 'notes').count()),
  );
  await Promise.all(READER_STORES.map((s) => tx.objectStore(s).clear()));
  await tx.done;
  const [notes, personal, corrections, packs, choices] = counts as [number, number, number, number, number];
  return { notes, personal, corrections, packs, choices };
}
