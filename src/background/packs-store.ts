/**
 * Reference packs in IndexedDB (store `packs`, keyed by packIdOf(title)). An import is checked whole
 * first (parsePack) and written in one transaction, so a bad file changes nothing; a file with the
 * title of a pack already here replaces it, keeping its on/off switch. The reader's own notes live in
 * the notes store, keyed by entity ids that a newer file of the pack keeps (packEntityIds), so they stay.
 */
import type browser from 'webextension-polyfill';
import type { CardEntity } from '../core/index/format';
import { problemLine } from '../core/packs/check';
import { packIdOf, type Pack, type StoredPack } from '../core/packs/format';
import { packFromReader, type NotedEntity } from '../core/packs/from-reader';
import { parsePack } from '../core/packs/parse';
import { DramatisError } from '../core/protocol/errors';
import type { PackImportResult, PackListItem } from '../core/protocol/messages';
import type { EntityNote } from '../core/notes/model';
import { db } from './db';
import { searchNotes } from './notes-store';
import { listPersonal } from './personal-store';
import { t } from '../shared/i18n';

export async function storedPacks(): Promise<StoredPack[]> {
  return (await db()).getAll('packs');
}

export function listItem(s: StoredPack): PackListItem {
  const { pack } = s;
  return {
    id: s.id,
    title: pack.title,
    ...(pack.author ? { author: pack.author } : {}),
    ...(pack.description ? { description: pack.description } : {}),
    ...(pack.version ? { version: pack.version } : {}),
    enabled: s.enabled,
    entities: pack.entities.length,
    notes: pack.notes.length,
    imported: s.imported,
    updated: s.updated,
  };
}

export async function listPacks(): Promise<PackListItem[]> {
  return (await storedPacks()).map(listItem).sort((a, b) => a.title.localeCompare(b.title, 'en'));
}

export async function importPack(fileName: string, text: string, now = Date.now()): Promise<PackImportResult> {
  const result = parsePack(text, fileName);
  const warnings = result.warnings.map(problemLine);
  if (!result.ok) return { ok: false, problems: result.problems.map(problemLine), warnings };
  const id = packIdOf(result.pack.title);
  const conn = await db();
  const tx = conn.transaction('packs', 'readwrite');
  const old = await tx.store.get(id);
  const stored: StoredPack = { id, enabled: old?.enabled ?? true, imported: old?.imported ?? now, updated: now, pack: result.pack };
  await tx.store.put(stored);
  await tx.done;
  return { ok: true, pack: listItem(stored), replaced: old !== undefined, warnings };
}

export async function setPackEnabled(id: string, enabled: boolean): Promise<PackListItem[]> {
  const conn = await db();
  const tx = conn.transaction('packs', 'readwrite');
  const stored = await tx.store.get(id);
  if (!stored) throw new DramatisError('not-found', t('bgPackGoneElsewhere'));
  await tx.store.put({ ...stored, enabled });
  await tx.done;
  return listPacks();
}

export async function removePack(id: string): Promise<boolean> {
  const conn = await db();
  const existed = (await conn.getKey('packs', id)) !== undefined;
  await conn.delete('packs', id);
  return existed;
}

/**
 * A stored pack as it was imported; or, without an id, a pack of the reader's tracked names and entity
 * notes (`entities` looks up the entities the notes are on: the detector's, passed in so this module
 * stays free of the extension APIs for its tests).
 */
export async function exportPack(
  id: string | undefined,
  title: string | undefined,
  entities: (ids: string[]) => Promise<CardEntity[]>,
): Promise<Pack> {
  if (id !== undefined) {
    const stored = await (await db()).get('packs', id);
    if (!stored) throw new DramatisError('not-found', t('bgPackGone'));
    return stored.pack;
  }
  const personal = await listPersonal();
  const notes: EntityNote[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await searchNotes({ kind: 'entity', sort: 'oldest', offset, limit: 500 });
    notes.push(...page.notes.filter((n): n is EntityNote => n.kind === 'entity'));
    if (page.notes.length < 500) break;
  }
  const ids = [...new Set(notes.map((n) => n.entityId))];
  const noted = new Map<string, NotedEntity>(
    (await entities(ids)).map((e) => [e.id, { id: e.id, name: e.name, type: e.type, ...(e.wikipedia ? { wikipedia: e.wikipedia } : {}) }]),
  );
  return packFromReader({ title: title?.trim() || 'My names', personal, notes, noted });
}

/** Packs change what the reader has: only the extension's own pages (the options page) may ask. */
export function requireExtensionPage(sender: browser.Runtime.MessageSender, extensionOrigin: string): void {
  if (!(sender.url ?? '').startsWith(extensionOrigin)) throw new DramatisError('invalid', t('bgPacksOptionsOnly'));
}
