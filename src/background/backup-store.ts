/**
 * Backups: everything the reader made, read in one transaction; and restores that check the whole
 * file first (parseBackup), then write it in ONE transaction over every store, so an import either
 * lands completely or not at all, whatever fails midway (quota, a closed worker).
 */
import { DramatisError, errorCodeOf } from '../core/protocol/errors';
import { mergeRecords, parseBackup, type BackupFile, type Choices } from '../core/export/backup';
import type { Note } from '../core/notes/model';
import type { StoredPack } from '../core/packs/format';
import type { PersonalEntity } from '../core/personal';
import { DEFAULT_SETTINGS, type Settings } from '../core/protocol/messages';
import { db, fromStored, toStored } from './db';
import { dropNotesCache } from './notes-store';

export interface BackupData {
  notes: Note[];
  personal: PersonalEntity[];
  settings: Settings;
  choices: Choices;
  packs: StoredPack[];
}

export interface ImportSummary {
  notesAdded: number;
  notesUpdated: number;
  notesUnchanged: number;
  personalAdded: number;
  personalUpdated: number;
  packsAdded: number;
  packsUpdated: number;
}

export async function backupData(): Promise<BackupData> {
  const conn = await db();
  const tx = conn.transaction(['notes', 'personal', 'settings', 'choices', 'packs'], 'readonly');
  const [notes, personal, settings, choiceKeys, choiceValues, packs] = await Promise.all([
    tx.objectStore('notes').getAll(),
    tx.objectStore('personal').getAll(),
    tx.objectStore('settings').get('settings'),
    tx.objectStore('choices').getAllKeys(),
    tx.objectStore('choices').getAll(),
    tx.objectStore('packs').getAll(),
  ]);
  await tx.done;
  const choices: Choices = {};
  choiceKeys.forEach((k, i) => {
    choices[String(k)] = choiceValues[i]!;
  });
  return { notes: notes.map(fromStored), personal, settings: { ...DEFAULT_SETTINGS, ...settings }, choices, packs };
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
  const conn = await db();
  const tx = conn.transaction(['notes', 'personal', 'settings', 'choices', 'packs'], 'readwrite');
  try {
    const notesStore = tx.objectStore('notes');
    const personalStore = tx.objectStore('personal');
    const packsStore = tx.objectStore('packs');
    const [existingNotes, existingPersonal, settings, existingPacks] = await Promise.all([
      notesStore.getAll(),
      personalStore.getAll(),
      tx.objectStore('settings').get('settings'),
      packsStore.getAll(),
    ]);
    const notes = mergeRecords(existingNotes.map(fromStored), backup.notes);
    const personal = mergeRecords(existingPersonal, backup.personal);
    const writes: Promise<unknown>[] = [];
    for (const n of notes.toWrite) writes.push(notesStore.put(toStored(n)));
    for (const p of personal.toWrite) writes.push(personalStore.put(p));
    // Packs: one per title; the copy whose file is newer wins, as for notes.
    const packs = mergeRecords(existingPacks, backup.packs);
    for (const p of packs.toWrite) writes.push(packsStore.put(p));
    // Settings: sites switched off in either copy stay off; the global switch follows the backup.
    const current = { ...DEFAULT_SETTINGS, ...settings };
    writes.push(
      tx.objectStore('settings').put(
        {
          highlightsEnabled: backup.settings.highlightsEnabled,
          disabledSites: [...new Set([...current.disabledSites, ...backup.settings.disabledSites])].sort(),
        },
        'settings',
      ),
    );
    for (const [page, picks] of Object.entries(backup.choices)) {
      writes.push(
        tx
          .objectStore('choices')
          .get(page)
          .then((have) => tx.objectStore('choices').put({ ...have, ...picks }, page)),
      );
    }
    await Promise.all(writes);
    await tx.done;
    dropNotesCache();
    return {
      notesAdded: notes.added,
      notesUpdated: notes.updated,
      notesUnchanged: notes.unchanged,
      personalAdded: personal.added,
      personalUpdated: personal.updated,
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
    const quota = errorCodeOf(err) === 'quota';
    const reason = quota ? "the browser has no room left for Dramatis's data" : err instanceof Error ? err.message : String(err);
    throw new ImportError(quota ? 'quota' : 'internal', `Nothing was imported: ${reason}.`);
  }
}
