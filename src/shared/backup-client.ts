/**
 * Backups of any size from an extension page: the file is built here from pages of each store and
 * sent back in parts, so no single message comes near the 64 MiB cap (src/background/backup-transfer.ts).
 * Reading pages is safe to repeat, so each page is retried through a worker restart; an import
 * interrupted by one is refused whole and says so.
 */
import { createBackup, serializeBackup } from '../core/export/backup';
import type { Correction } from '../core/corrections';
import type { StoredPack } from '../core/packs/format';
import { unpackSafetyCopy } from '../core/export/safety-copy';
import type { Note } from '../core/notes/model';
import type { PersonalEntity } from '../core/personal';
import { DramatisError } from '../core/protocol/errors';
import type { BackupPageStore, ImportSummary } from '../core/protocol/messages';
import { t } from './i18n';
import { codeOf, send, sendPatiently } from './messaging';

const PAGE_DEADLINE_MS = 30_000;

async function readStore(
  store: BackupPageStore,
): Promise<{ notes: Note[]; personal: PersonalEntity[]; corrections: Correction[]; packs: StoredPack[] }> {
  const out = { notes: [] as Note[], personal: [] as PersonalEntity[], corrections: [] as Correction[], packs: [] as StoredPack[] };
  let after: string | undefined;
  do {
    const page = await sendPatiently({ type: 'backup.page', store, ...(after === undefined ? {} : { after }) }, PAGE_DEADLINE_MS);
    if (page.notes) for (const n of page.notes) out.notes.push(n);
    if (page.personal) for (const p of page.personal) out.personal.push(p);
    if (page.corrections) for (const c of page.corrections) out.corrections.push(c);
    if (page.packs) for (const p of page.packs) out.packs.push(p);
    after = page.next;
  } while (after !== undefined);
  return out;
}

/** The whole notebook as a backup file's text, read page by page. */
export async function buildBackupText(exportedAt = Date.now()): Promise<{ text: string; notes: number }> {
  const [{ notes }, { personal }, { corrections }, { packs }, settings] = await Promise.all([
    readStore('notes'),
    readStore('personal'),
    readStore('corrections'),
    readStore('packs'),
    sendPatiently({ type: 'settings.get' }, PAGE_DEADLINE_MS),
  ]);
  return { text: serializeBackup(createBackup({ notes, personal, settings, corrections, packs, exportedAt })), notes: notes.length };
}

/** Sends a backup file's text in parts and commits it: all of it lands, or nothing does. */
export async function importBackupText(
  text: string,
  options: { partChars?: number; onProgress?: (sent: number, total: number) => void } = {},
): Promise<ImportSummary> {
  let upload: string;
  let partChars: number;
  try {
    ({ upload, partChars } = await sendPatiently({ type: 'backup.import.begin', chars: text.length }, PAGE_DEADLINE_MS));
  } catch (err) {
    throw interrupted(err, t('sharedImportInterrupted'));
  }
  partChars = Math.min(partChars, options.partChars ?? partChars);
  let index = 0;
  try {
    for (let at = 0; at < text.length; at += partChars, index++) {
      await send({ type: 'backup.import.part', upload, index, text: text.slice(at, at + partChars) });
      options.onProgress?.(Math.min(at + partChars, text.length), text.length);
    }
  } catch (err) {
    throw interrupted(err, t('sharedImportInterrupted'));
  }
  try {
    return await send({ type: 'backup.import.commit', upload, parts: index });
  } catch (err) {
    // The background's own "interrupted" answer is certain; no answer at all is not.
    if (codeOf(err) === 'unavailable' && !(err instanceof DramatisError && err.message.startsWith('Nothing was imported')))
      throw new DramatisError('unavailable', t('sharedImportCommitUnanswered'));
    throw err;
  }
}

function interrupted(err: unknown, message: string): unknown {
  return codeOf(err) === 'unavailable' ? new DramatisError('unavailable', message) : err;
}

/** The last automatic safety copy as a backup file's text. */
export async function readSafetyCopy(): Promise<{ text: string; madeAt: number; notes: number }> {
  const first = await sendPatiently({ type: 'safety.copy', index: 0 }, PAGE_DEADLINE_MS);
  const parts = [first.data];
  for (let i = 1; i < first.parts; i++) parts.push((await sendPatiently({ type: 'safety.copy', index: i }, PAGE_DEADLINE_MS)).data);
  return { text: unpackSafetyCopy(parts), madeAt: first.madeAt, notes: first.notes };
}
