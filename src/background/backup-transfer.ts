/**
 * Backups of any size across the 64 MiB message cap. Export: the notebook reads each store in pages
 * of about PAGE_CHARS of JSON (stateless, by key, so a worker restart mid-export only repeats a
 * page) and builds the file itself. Import: the notebook sends the file in parts; the background
 * keeps them in memory until the commit, then parses and writes the whole file in ONE transaction
 * as before (all or nothing). A worker stopped between parts loses the parts, and the commit then
 * says the import was interrupted and nothing changed.
 */
import { DramatisError } from '../core/protocol/errors';
import type { BackupPage, BackupPageStore, ImportSummary } from '../core/protocol/messages';
import { MAX_IMPORT_CHARS, MAX_IMPORT_PART_CHARS } from '../core/protocol/validate';
import { importBackup } from './backup-store';
import { listCorrections } from './corrections-store';
import { db, fromStored } from './db';
import { t } from '../shared/i18n';

/** About this much JSON per page: a few MiB, so a page is one quick message whatever a note holds. */
export const PAGE_CHARS = 4 * 1024 * 1024;

export const IMPORT_INTERRUPTED =
  "Nothing was imported, and nothing changed: Dramatis's background was stopped by the browser while the file was being read (this happens when the browser restarts or updates the extension). Try the import again.";

/** One page of a store, in key order after `after`, at least one record, about PAGE_CHARS of JSON. */
export async function backupPage(store: BackupPageStore, after?: string, pageChars = PAGE_CHARS): Promise<BackupPage> {
  if (store === 'corrections' && after === undefined) await listCorrections(); // moves old per-page choices into corrections first
  const conn = await db();
  const tx = conn.transaction(store, 'readonly');
  const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
  const records: [string, unknown][] = [];
  let chars = 0;
  let next: string | undefined;
  for (let cursor = await tx.store.openCursor(range); cursor; cursor = await cursor.continue()) {
    if (records.length > 0 && chars >= pageChars) {
      next = String(records[records.length - 1]![0]);
      break;
    }
    // The JSON length is what the message costs; measured once per record, O(its size).
    chars += JSON.stringify(cursor.value).length;
    records.push([String(cursor.key), cursor.value]);
  }
  await tx.done;
  if (store === 'notes') return { notes: records.map(([, v]) => fromStored(v as Parameters<typeof fromStored>[0])), next };
  if (store === 'personal') return { personal: records.map(([, v]) => v as NonNullable<BackupPage['personal']>[number]), next };
  if (store === 'packs') return { packs: records.map(([, v]) => v as NonNullable<BackupPage['packs']>[number]), next };
  return { corrections: records.map(([, v]) => v as NonNullable<BackupPage['corrections']>[number]), next };
}

interface Upload {
  chars: number;
  parts: string[];
  received: number;
}

/** At most one upload at a time: a second begin replaces the first (the reader started again). */
let upload: { id: string; state: Upload } | undefined;

export function beginImport(chars: number): { upload: string; partChars: number } {
  if (chars > MAX_IMPORT_CHARS) throw new DramatisError('invalid', t('bgImportTooLarge'));
  const id = globalThis.crypto.randomUUID();
  upload = { id, state: { chars, parts: [], received: 0 } };
  return { upload: id, partChars: MAX_IMPORT_PART_CHARS };
}

function current(id: string): Upload {
  if (!upload || upload.id !== id) throw new DramatisError('unavailable', IMPORT_INTERRUPTED);
  return upload.state;
}

export function importPart(id: string, index: number, text: string): { received: number } {
  const u = current(id);
  if (index !== u.parts.length) {
    // A resent part (its answer was lost) is harmless; anything else is out of order.
    if (index < u.parts.length && u.parts[index] === text) return { received: u.received };
    throw new DramatisError('invalid', `Nothing was imported: part ${index + 1} arrived out of order.`);
  }
  if (u.received + text.length > u.chars) throw new DramatisError('invalid', t('bgImportGrew'));
  u.parts.push(text);
  u.received += text.length;
  return { received: u.received };
}

export async function commitImport(id: string, parts: number): Promise<ImportSummary> {
  const u = current(id);
  if (parts !== u.parts.length || u.received !== u.chars) throw new DramatisError('unavailable', IMPORT_INTERRUPTED);
  // Joined once, then the parts are dropped: the file is held twice only for this moment.
  const text = u.parts.join('');
  upload = undefined;
  return importBackup(text);
}
