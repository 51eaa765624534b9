/**
 * Notes in IndexedDB. Every write is one transaction (a save is acknowledged only once it is
 * committed), notes carry writer-made ids (a retried save overwrites, never duplicates), and the
 * in-memory copy is a cache rebuilt from IndexedDB whenever the worker restarts.
 */
import { DramatisError } from '../core/protocol/errors';
import { noteProblem, pageKey, searchableText, type Note } from '../core/notes/model';
import { queryNotes, type NoteQuery, type NoteQueryResult } from '../core/notes/query';
import type { NoteSummary } from '../core/protocol/messages';
import { db, fromStored, toStored } from './db';

interface CacheEntry {
  note: Note;
  text: string;
}

let cache: Promise<Map<string, CacheEntry>> | undefined;

function loadCache(): Promise<Map<string, CacheEntry>> {
  cache ??= db()
    .then((conn) => conn.getAll('notes'))
    .then(
      (rows) =>
        new Map(
          rows.map((r) => {
            const note = fromStored(r);
            return [note.id, { note, text: searchableText(note) }];
          }),
        ),
    )
    .catch((err) => {
      cache = undefined;
      throw err;
    });
  return cache;
}

/** Saves (creates or replaces) a note; resolves once IndexedDB has committed it. */
export async function saveNote(input: Note): Promise<Note> {
  const problem = noteProblem(input);
  if (problem) throw new DramatisError('invalid', `The note was not saved: ${problem}.`);
  const stored = toStored(input);
  const note = fromStored(stored);
  const conn = await db();
  try {
    await conn.put('notes', stored);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'QuotaExceededError') {
      throw new DramatisError(
        'quota',
        "The browser has no room left for Dramatis's notes (storage quota exceeded). Your draft is kept: free some space or export and delete old notes, then save again.",
      );
    }
    throw err;
  }
  if (cache) (await cache).set(note.id, { note, text: searchableText(note) });
  return note;
}

export async function deleteNote(id: string): Promise<Note | null> {
  const conn = await db();
  const tx = conn.transaction('notes', 'readwrite');
  const existing = await tx.store.get(id);
  if (existing) await tx.store.delete(id);
  await tx.done;
  if (cache) (await cache).delete(id);
  return existing ? fromStored(existing) : null;
}

export async function notesForPage(url: string): Promise<Note[]> {
  const rows = await (await db()).getAllFromIndex('notes', 'byPage', pageKey(url));
  return rows
    .map(fromStored)
    .filter((n) => n.kind !== 'entity')
    .sort((a, b) => a.created - b.created);
}

export async function notesForEntity(entityId: string): Promise<Note[]> {
  const rows = await (await db()).getAllFromIndex('notes', 'byEntity', entityId);
  return rows.map(fromStored).sort((a, b) => b.updated - a.updated);
}

export async function entityNoteSummary(entityId: string): Promise<NoteSummary> {
  const notes = await notesForEntity(entityId);
  const latest = notes[0];
  return { count: notes.length, latest: latest ? { text: latest.text.slice(0, 280), updated: latest.updated } : undefined };
}

export async function searchNotes(query: NoteQuery): Promise<NoteQueryResult> {
  const entries = [...(await loadCache()).values()];
  const textOf = new Map(entries.map((e) => [e.note, e.text]));
  return queryNotes(
    entries.map((e) => e.note),
    query,
    (n) => textOf.get(n) ?? searchableText(n),
  );
}

/** For tests and imports: forget the cache so the next query reads IndexedDB. */
export function dropNotesCache(): void {
  cache = undefined;
}
