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
import { deletePersonal, listPersonal, savePersonal } from './personal-store';
import { requestPersistence, storageStatus } from './storage';
import { dataSummary, deleteEverything } from './data-store';
import { broadcastSettings } from './settings-broadcast';
import { dropNotesCache } from './notes-store';
import { sendToTab } from '../shared/messaging';

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
  'settings.set': async (m) => {
    const next = await updateSettings(m.patch);
    await broadcastSettings(next);
    return next;
  },
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
    await broadcastSettings(await getSettings());
    return summary;
  },
  'choices.get': (m) => getChoices(m.url),
  'choices.set': (m) => setChoice(m.url, m.key, m.id),
  'data.summary': () => dataSummary(),
  'data.deleteAll': async () => {
    const deleted = await deleteEverything();
    dropNotesCache();
    reloadMatcher();
    await broadcastSettings(await getSettings());
    // Open tabs drop the notes they show.
    for (const tab of await browser.tabs.query({})) {
      if (tab.id !== undefined) void sendToTab(tab.id, { type: 'page.notesChanged' }).catch(() => undefined);
    }
    return deleted;
  },
});

browser.runtime.onMessage.addListener(router as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

browser.commands?.onCommand.addListener((command: string) => {
  void onCommand(command).catch((err: unknown) => console.warn('[Dramatis]', err));
});

browser.runtime.onInstalled.addListener((details) => {
  void requestPersistence();
  if (details.reason === 'install') void welcomeOnce().catch((err: unknown) => console.warn('[Dramatis]', err));
});

/**
 * The welcome page opens once, on a fresh install: never on an update or a browser restart. The
 * mark in storage.local also keeps it from opening again where an install keeps the old storage
 * (Firefox reinstalling a temporary add-on with its data kept).
 */
async function welcomeOnce(): Promise<void> {
  const { welcomed } = await browser.storage.local.get('welcomed');
  if (welcomed) return;
  await browser.storage.local.set({ welcomed: true });
  await browser.tabs.create({ url: browser.runtime.getURL('welcome.html') });
}
