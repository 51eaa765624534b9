/**
 * Backups: everything the reader made, read in one transaction; and restores that check the whole
 * file first (parseBackup), then write it in ONE transaction over every store, so an import either
 * lands completely or not at all, whatever fails midway (quota, a closed worker).
 */
import { DramatisError, errorCodeOf } from '../core/protocol/errors';
import { mergeRecords, parseBackup, type BackupFile, type Choices } from '../core/export/backup';
import type { Note } from '../core/notes/model';
import type { PersonalEntity } from '../core/personal';
import type { Settings } from '../core/protocol/messages';
import { settingsFrom } from '../core/settings';
import { db, fromStored, toStored } from './db';
import { dropNotesCache } from './notes-store';

export interface BackupData {
  notes: Note[];
  personal: PersonalEntity[];
  settings: Settings;
  choices: Choices;
}

export interface ImportSummary {
  notesAdded: number;
  notesUpdated: number;
  notesUnchanged: number;
  personalAdded: number;
  personalUpdated: number;
}

export async function backupData(): Promise<BackupData> {
  const conn = await db();
  const tx = conn.transaction(['notes', 'personal', 'settings', 'choices'], 'readonly');
  const [notes, personal, settings, choiceKeys, choiceValues] = await Promise.all([
    tx.objectStore('notes').getAll(),
    tx.objectStore('personal').getAll(),
    tx.objectStore('settings').get('settings'),
    tx.objectStore('choices').getAllKeys(),
    tx.objectStore('choices').getAll(),
  ]);
  await tx.done;
  const choices: Choices = {};
  choiceKeys.forEach((k, i) => {
    choices[String(k)] = choiceValues[i]!;
  });
  return { notes: notes.map(fromStored), personal, settings: settingsFrom(settings), choices };
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
  const tx = conn.transaction(['notes', 'personal', 'settings', 'choices'], 'readwrite');
  try {
    const notesStore = tx.objectStore('notes');
    const personalStore = tx.objectStore('personal');
    const [existingNotes, existingPersonal, settings] = await Promise.all([
      notesStore.getAll(),
      personalStore.getAll(),
      tx.objectStore('settings').get('settings'),
    ]);
    const notes = mergeRecords(existingNotes.map(fromStored), backup.notes);
    const personal = mergeRecords(existingPersonal, backup.personal);
    const writes: Promise<unknown>[] = [];
    for (const n of notes.toWrite) writes.push(notesStore.put(toStored(n)));
    for (const p of personal.toWrite) writes.push(personalStore.put(p));
    // Settings: sites listed in either copy stay listed (switched off, or on); every other choice follows the backup.
    const current = settingsFrom(settings);
    writes.push(
      tx.objectStore('settings').put(
        {
          ...backup.settings,
          disabledSites: [...new Set([...current.disabledSites, ...backup.settings.disabledSites])].sort(),
          enabledSites: [...new Set([...current.enabledSites, ...backup.settings.enabledSites])].sort(),
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
