/**
 * The full-disk guard against IndexedDB (fake-indexeddb): a store reopened empty is noticed
 * through the marker kept outside it, writing stops, and the safety copy brings every note back.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Note } from '../core/notes/model';

vi.mock('webextension-polyfill', async () => ({
  default: { runtime: { id: 'test' }, i18n: (await import('../../tools/i18n-in-node')).i18nInNode() },
}));
const safety = await import('./safety');
const { openDatabase, useDatabase } = await import('./db');
const { dropNotesCache, saveNote, searchNotes } = await import('./notes-store');
const { importBackup } = await import('./backup-store');
const { unpackSafetyCopy } = await import('../core/export/safety-copy');

/** storage.local as a Map: what survives when IndexedDB does not. */
function mapStore() {
  const map = new Map<string, unknown>();
  return {
    map,
    get: (keys: string[]) => Promise.resolve(Object.fromEntries(keys.filter((k) => map.has(k)).map((k) => [k, map.get(k)]))),
    set: (items: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(items))
        if (v === undefined) map.delete(k);
        else map.set(k, structuredClone(v));
      return Promise.resolve();
    },
    remove: (keys: string[]) => {
      for (const k of keys) map.delete(k);
      return Promise.resolve();
    },
  };
}

const note = (i: number): Note => ({
  id: `n${i}`,
  kind: 'page',
  text: `note ${i}`,
  tags: [],
  created: i,
  updated: i,
  page: { url: 'https://a.example/', title: 'A' },
});

let outside: ReturnType<typeof mapStore>;
const openFresh = () => {
  useDatabase(openDatabase(`safety-${Math.random()}`));
  dropNotesCache();
};

beforeEach(() => {
  outside = mapStore();
  safety.useOutsideStore(outside);
  openFresh();
});

async function writeNotes(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await safety.guardWrite();
    await saveNote(note(i));
  }
  await safety.afterDelete(); // writes the marker now instead of a second later
}

describe('the full-disk guard', () => {
  it('notices a store reopened empty, stops writing, says why, and keeps saying so after a restart', async () => {
    await writeNotes(5);
    await safety.makeSafetyCopy(1_000);
    openFresh(); // the browser reopened the backing store empty
    await expect(safety.guardWrite()).rejects.toMatchObject({ code: 'store-lost' });
    await expect(safety.guardWrite()).rejects.toThrow(/held 0 of 5 notes and tracked names.*stopped saving/);
    expect(await safety.safetyState()).toMatchObject({ lost: { expected: 5, found: 0 }, copy: { notes: 5, madeAt: 1_000 } });
    // A new worker life: the loss is remembered outside IndexedDB.
    safety.useOutsideStore(outside);
    await expect(safety.guardWrite()).rejects.toMatchObject({ code: 'store-lost' });
  });

  it('never replaces the good safety copy with the wiped store', async () => {
    await writeNotes(3);
    await safety.makeSafetyCopy(1_000);
    openFresh();
    expect(await safety.makeSafetyCopy(2_000)).toBeUndefined();
    expect((await safety.safetyState()).copy).toMatchObject({ madeAt: 1_000, notes: 3 });
  });

  it('restores every note from the safety copy, and then writes again', async () => {
    await writeNotes(40);
    await safety.makeSafetyCopy(1_000);
    openFresh();
    await expect(safety.guardWrite()).rejects.toMatchObject({ code: 'store-lost' });
    const first = await safety.safetyCopyPart(0);
    const parts = [first.data];
    for (let i = 1; i < first.parts; i++) parts.push((await safety.safetyCopyPart(i)).data);
    const summary = await importBackup(unpackSafetyCopy(parts));
    expect(summary.notesAdded).toBe(40);
    expect(await safety.resume()).toBe(true);
    await expect(safety.guardWrite()).resolves.toBeUndefined();
    expect((await searchNotes({ limit: 500 })).total).toBe(40);
  });

  it('does not cry wolf: deletes lower the marker, a fresh install has none', async () => {
    await expect(safety.guardWrite()).resolves.toBeUndefined();
    await writeNotes(4);
    // Deleting through the store and lowering the marker, as the router does.
    const { deleteNote } = await import('./notes-store');
    await deleteNote('n0');
    await safety.afterDelete();
    safety.useOutsideStore(outside); // a restart: counts again
    await expect(safety.guardWrite()).resolves.toBeUndefined();
  });

  it('remembers the first full-disk error for the warning, until the reader dismisses it', async () => {
    await safety.recordQuotaError();
    const first = (await safety.safetyState()).quotaError;
    expect(first).toBeDefined();
    await safety.recordQuotaError();
    expect((await safety.safetyState()).quotaError).toEqual(first);
    await safety.resume();
    expect((await safety.safetyState()).quotaError).toBeUndefined();
  });
});
