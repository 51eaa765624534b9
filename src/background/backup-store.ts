/**
 * Backups: everything the reader made, read in one transaction; and restores that check the whole
 * file first (parseBackup), then write it in ONE transaction over every store, so an import either
 * lands completely or not at all, whatever fails midway (quota, a closed worker).
 */
import { DramatisError, errorCodeOf } from '../core/protocol/errors';
import type { Correction } from '../core/corrections';
import { mergeRecords, parseBackup, type BackupFile } from '../core/export/backup';
import type { Note } from '../core/notes/model';
import type { StoredPack } from '../core/packs/format';
import { personalListProblem, type PersonalEntity } from '../core/personal';
import { MAX_DISABLED_SITES, type ImportSummary, type Settings } from '../core/protocol/messages';
import { settingsFrom } from '../core/settings';
import { db, fromStored, toStored } from './db';
import { dropCorrectionsCache, listCorrections } from './corrections-store';
import { dropNotesCache } from './notes-store';

export interface BackupData {
  notes: Note[];
  personal: PersonalEntity[];
  settings: Settings;
  corrections: Correction[];
  packs: StoredPack[];
}

/** What an import did, per store: the protocol's answer to backup.import. */
export type { ImportSummary };

export async function backupData(): Promise<BackupData> {
  await listCorrections(); // moves the old per-page choices into corrections first
  const conn = await db();
  const tx = conn.transaction(['notes', 'personal', 'settings', 'corrections', 'packs'], 'readonly');
  const [notes, personal, settings, corrections, packs] = await Promise.all([
    tx.objectStore('notes').getAll(),
    tx.objectStore('personal').getAll(),
    tx.objectStore('settings').get('settings'),
    tx.objectStore('corrections').getAll(),
    tx.objectStore('packs').getAll(),
  ]);
  await tx.done;
  return { notes: notes.map(fromStored), personal, settings: settingsFrom(settings), corrections, packs };
}

/** An import refused or undone: nothing was written. */
export class ImportError extends DramatisError {
  constructor(code: 'invalid' | 'quota' | 'internal', message: string) {
    super(code, message);
  }
}

/** Checks a backup file's text and merges it into the store, all or nothing. */
export async function importBackup(text: string): Promise<ImportSummary> {
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new ImportError('invalid', `Nothing was imported: ${parsed.error}`);
  return writeBackup(parsed.backup);
}

async function writeBackup(backup: BackupFile): Promise<ImportSummary> {
  await listCorrections(); // the old choices are corrections before a restore merges into them
  const conn = await db();
  const tx = conn.transaction(['notes', 'personal', 'settings', 'corrections', 'packs'], 'readwrite');
  try {
    const notesStore = tx.objectStore('notes');
    const personalStore = tx.objectStore('personal');
    const correctionsStore = tx.objectStore('corrections');
    const packsStore = tx.objectStore('packs');
    const [existingNotes, existingPersonal, settings, existingCorrections, existingPacks] = await Promise.all([
      notesStore.getAll(),
      personalStore.getAll(),
      tx.objectStore('settings').get('settings'),
      correctionsStore.getAll(),
      packsStore.getAll(),
    ]);
    const notes = mergeRecords(existingNotes.map(fromStored), backup.notes);
    const personal = mergeRecords(existingPersonal, backup.personal);
    // The bounds hold for what the store would hold after the merge, not only for the file.
    const mergedPersonal = new Map(existingPersonal.map((p) => [p.id, p]));
    for (const p of personal.toWrite) mergedPersonal.set(p.id, p);
    const tooMany = personalListProblem([...mergedPersonal.values()]);
    if (tooMany) throw new ImportError('invalid', `Nothing was imported: ${tooMany}`);
    const current = settingsFrom(settings);
    const disabledSites = [...new Set([...current.disabledSites, ...backup.settings.disabledSites])].sort();
    if (disabledSites.length > MAX_DISABLED_SITES)
      throw new ImportError(
        'invalid',
        `Nothing was imported: with this backup Dramatis would be off on ${disabledSites.length.toLocaleString('en')} sites; it keeps at most ${MAX_DISABLED_SITES.toLocaleString('en')}.`,
      );
    // A correction for the same form and place: the one made later wins, as for notes.
    const corrections = mergeRecords(existingCorrections, backup.corrections);
    const writes: Promise<unknown>[] = [];
    for (const n of notes.toWrite) writes.push(notesStore.put(toStored(n)));
    for (const p of personal.toWrite) writes.push(personalStore.put(p));
    for (const c of corrections.toWrite) writes.push(correctionsStore.put(c));
    // Packs: one per title; the copy whose file is newer wins, as for notes.
    const packs = mergeRecords(existingPacks, backup.packs);
    for (const p of packs.toWrite) writes.push(packsStore.put(p));
    // Settings: sites listed in either copy stay listed (switched off, or on); every other choice follows the backup.
    writes.push(
      tx.objectStore('settings').put(
        {
          ...backup.settings,
          disabledSites,
          enabledSites: [...new Set([...current.enabledSites, ...backup.settings.enabledSites])].sort(),
        },
        'settings',
      ),
    );
    await Promise.all(writes);
    await tx.done;
    dropNotesCache();
    dropCorrectionsCache();
    return {
      notesAdded: notes.added,
      notesUpdated: notes.updated,
      notesUnchanged: notes.unchanged,
      personalAdded: personal.added,
      personalUpdated: personal.updated,
      correctionsAdded: corrections.added,
      correctionsUpdated: corrections.updated,
      packsAdded: packs.added,
      packsUpdated: packs.updated,
    };
  } catch (err) {
    // An aborted transaction has written nothing; say so plainly.
    try {
      tx.abort();
    } catch {
      /* already finished */
    }
    if (err instanceof ImportError) throw err;
    const quota = errorCodeOf(err) === 'quota';
    const reason = quota ? "the browser has no room left for Dramatis's data" : err instanceof Error ? err.message : String(err);
    throw new ImportError(quota ? 'quota' : 'internal', `Nothing was imported: ${reason}.`);
  }
}
