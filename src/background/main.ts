/**
 * Background entry (Chrome service worker, Firefox event page). Listeners are registered
 * synchronously at the top level so a message that wakes a stopped worker is never missed;
 * nothing lives only in memory that cannot be rebuilt from the bundle or IndexedDB.
 */
import browser from 'webextension-polyfill';
import { validateRequest } from '../core/protocol/validate';
import type { Request, Responses } from '../core/protocol/messages';
import { createRouter } from '../shared/messaging';
import { getChoices, getSettings, setChoice, updateSettings } from './db';
import { onCommand } from './commands';
import { backupData, importBackup } from './backup-store';
import { cardDetails } from './card-details';
import { detect, getEntities, getMatcher, reloadMatcher } from './detector';
import { deleteNote, notesForEntity, notesForPage, saveNote, searchNotes } from './notes-store';
import { exportPack, importPack, listPacks, removePack, requireExtensionPage, setPackEnabled } from './packs-store';
import { deletePersonal, listPersonal, savePersonal } from './personal-store';
import { requestPersistence, storageStatus } from './storage';

const extensionOrigin = browser.runtime.getURL('');

const router = createRouter<Request, Responses>(validateRequest, {
  // Sent by content scripts at document_start: the worker wakes and loads the index while the page parses.
  warm: async () => {
    await getMatcher();
    return true;
  },
  detect: (m) => detect(m.blocks, m.onPage),
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
    if (summary.personalAdded + summary.personalUpdated + summary.packsAdded + summary.packsUpdated > 0) reloadMatcher();
    return summary;
  },
  'choices.get': (m) => getChoices(m.url),
  'choices.set': (m) => setChoice(m.url, m.key, m.id),
  // Reference packs: from extension pages only (requireExtensionPage); each change rebuilds the second table.
  'packs.list': (_m, sender) => {
    requireExtensionPage(sender, extensionOrigin);
    return listPacks();
  },
  'packs.import': async (m, sender) => {
    requireExtensionPage(sender, extensionOrigin);
    const result = await importPack(m.fileName, m.text);
    if (result.ok) reloadMatcher();
    return result;
  },
  'packs.setEnabled': async (m, sender) => {
    requireExtensionPage(sender, extensionOrigin);
    const list = await setPackEnabled(m.id, m.enabled);
    reloadMatcher();
    return list;
  },
  'packs.remove': async (m, sender) => {
    requireExtensionPage(sender, extensionOrigin);
    const existed = await removePack(m.id);
    reloadMatcher();
    return existed;
  },
  'packs.export': (m, sender) => {
    requireExtensionPage(sender, extensionOrigin);
    return exportPack(m.id, m.title, getEntities);
  },
});

browser.runtime.onMessage.addListener(router as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

browser.commands?.onCommand.addListener((command: string) => {
  void onCommand(command).catch((err: unknown) => console.warn('[Dramatis]', err));
});

browser.runtime.onInstalled.addListener(() => {
  void requestPersistence();
});
