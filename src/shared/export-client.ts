/**
 * Building export files in an extension page: gathers the notes (all, a notebook filter, or one
 * page's) and the entities they mention from the background, then runs the pure exporters.
 */
import { exportFileName } from '../core/export/filenames';
import type { ExportEntity } from '../core/export/group';
import { notesToMarkdown } from '../core/export/markdown';
import { notesToAnnotations } from '../core/export/annotations';
import { notesToObsidianFiles, obsidianZip } from '../core/export/obsidian';
import type { Note } from '../core/notes/model';
import type { NoteQuery } from '../core/notes/query';
import { buildBackupText } from './backup-client';
import { download } from './download';
import { send } from './messaging';

/** Every note matching the query (paged 500 at a time). */
export async function allNotes(query: NoteQuery = {}): Promise<Note[]> {
  const out: Note[] = [];
  for (let offset = 0; ; offset += 500) {
    const r = await send({ type: 'notes.query', query: { ...query, sort: 'oldest', offset, limit: 500 } });
    out.push(...r.notes);
    if (out.length >= r.total || r.notes.length === 0) return out;
  }
}

async function entitiesOf(notes: Note[]): Promise<Record<string, ExportEntity>> {
  const ids = [...new Set(notes.flatMap((n) => (n.kind === 'entity' ? [n.entityId] : [])))];
  if (ids.length === 0) return {};
  const found = await send({ type: 'entities.get', ids });
  return Object.fromEntries(found.map((e) => [e.id, e]));
}

export type ExportFormat = 'markdown' | 'obsidian' | 'annotations' | 'backup';

/** Builds and downloads one export; returns the file name and how many notes it holds. */
export async function exportNotes(
  format: ExportFormat,
  notes: Note[],
  title: string,
  scope?: string,
): Promise<{ fileName: string; count: number }> {
  const exportedAt = Date.now();
  if (format === 'backup') {
    // Built here from pages of each store: a notebook of any size, never one message over 64 MiB.
    const { text, notes: count } = await buildBackupText(exportedAt);
    const fileName = exportFileName('backup', exportedAt);
    download(fileName, text, 'application/json');
    return { fileName, count };
  }
  const options = { title, exportedAt, entities: await entitiesOf(notes) };
  if (format === 'markdown') {
    const fileName = exportFileName('notes', exportedAt, scope);
    download(fileName, notesToMarkdown(notes, options), 'text/markdown');
    return { fileName, count: notes.length };
  }
  if (format === 'obsidian') {
    const fileName = exportFileName('obsidian', exportedAt, scope);
    download(fileName, obsidianZip(notesToObsidianFiles(notes, options)), 'application/zip');
    return { fileName, count: notes.length };
  }
  const passages = notes.filter((n) => n.kind === 'passage');
  const fileName = exportFileName('annotations', exportedAt, scope);
  download(fileName, notesToAnnotations(passages, options), 'application/ld+json');
  return { fileName, count: passages.length };
}
