/**
 * Background entry (Chrome service worker, Firefox event page). Listeners are registered
 * synchronously at the top level so a message that wakes a stopped worker is never missed;
 * nothing lives only in memory that cannot be rebuilt from the bundle or IndexedDB.
 */
import browser from 'webextension-polyfill';
import { validateRequest } from '../core/protocol/validate';
import type { Request, Responses } from '../core/protocol/messages';
import { createRouter } from '../shared/messaging';
import { getSettings, updateSettings } from './db';
import { onCommand } from './commands';
import { backupData, importBackup } from './backup-store';
import { cardDetails } from './card-details';
import { deleteCorrection, listCorrections, saveCorrection } from './corrections-store';
import { broadcastCorrections } from './tell-tabs';
import { detect, getEntities, getMatcher, reloadMatcher, searchNames } from './detector';
import { deleteNote, notesForEntity, notesForPage, saveNote, searchNotes } from './notes-store';
import { deletePersonal, listPersonal, savePersonal } from './personal-store';
import { requestPersistence, storageStatus } from './storage';

const router = createRouter<Request, Responses>(validateRequest, {
  // Sent by content scripts at document_start: the worker wakes and loads the index while the page parses.
  warm: async () => {
    await getMatcher();
    return true;
  },
  detect: (m) => detect(m.blocks, m.onPage, m.url),
  'entities.get': (m) => getEntities(m.ids),
  'card.details': (m) => cardDetails(m.id, m.onPage),
  'settings.get': () => getSettings(),
  'settings.set': (m) => updateSettings(m.patch),
  'notes.save': (m) => saveNote(m.note),
  'notes.delete': (m) => deleteNote(m.id),
  'notes.forPage': (m) => notesForPage(m.url),
  'notes.forEntity': (m) => notesForEntity(m.entityId),
  'notes.query': (m) => searchNotes(m.query),
  'personal.list': () => listPersonal(),
  'personal.save': async (m) => {
    const saved = await savePersonal(m.entity);
    reloadMatcher();
    return saved;
  },
  'personal.delete': async (m) => {
    const existed = await deletePersonal(m.id);
    reloadMatcher();
    return existed;
  },
  'storage.status': (_m, sender) => storageStatus(sender),
  'backup.data': () => backupData(),
  'backup.import': async (m) => {
    const summary = await importBackup(m.text);
    if (summary.personalAdded + summary.personalUpdated > 0) reloadMatcher();
    if (summary.correctionsAdded + summary.correctionsUpdated > 0) void broadcastCorrections();
    return summary;
  },
  // Sent by content scripts ("Not this?" in a card) and the options page.
  'names.search': (m) => searchNames(m.query, m.limit),
  'corrections.list': () => listCorrections(),
  'corrections.save': async (m, sender) => {
    const saved = await saveCorrection(m.correction);
    void broadcastCorrections(sender.tab?.id);
    return saved;
  },
  'corrections.delete': async (m, sender) => {
    const deleted = await deleteCorrection(m.id);
    if (deleted) void broadcastCorrections(sender.tab?.id);
    return deleted;
  },
});

browser.runtime.onMessage.addListener(router as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

browser.commands?.onCommand.addListener((command: string) => {
  void onCommand(command).catch((err: unknown) => console.warn('[Dramatis]', err));
});

browser.runtime.onInstalled.addListener(() => {
  void requestPersistence();
});
