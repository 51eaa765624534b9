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
import {
  assertExtensionPage,
  RETRY_ALARM,
  SYNC_ALARM,
  syncDisable,
  syncEnable,
  syncNow,
  syncOnWake,
  syncRemoveServerData,
  syncSoon,
  syncStatus,
  syncTest,
} from './sync';

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
    if (summary.personalAdded + summary.personalUpdated > 0) reloadMatcher();
    return summary;
  },
  'choices.get': (m) => getChoices(m.url),
  'choices.set': (m) => setChoice(m.url, m.key, m.id),
  'sync.status': (_m, sender) => (assertExtensionPage(sender), syncStatus()),
  'sync.test': (m, sender) => (assertExtensionPage(sender), syncTest(m.account)),
  'sync.enable': (m, sender) => (assertExtensionPage(sender), syncEnable(m.account, m.passphrase, m.deviceName)),
  'sync.now': (_m, sender) => (assertExtensionPage(sender), syncNow()),
  'sync.disable': (_m, sender) => (assertExtensionPage(sender), syncDisable()),
  'sync.removeServerData': (_m, sender) => (assertExtensionPage(sender), syncRemoveServerData()),
});

/** Messages that change what sync carries: each schedules a (debounced) round when sync is on. */
const CHANGES: ReadonlySet<string> = new Set([
  'notes.save',
  'notes.delete',
  'personal.save',
  'personal.delete',
  'settings.set',
  'backup.import',
]);

browser.runtime.onMessage.addListener(((message: unknown, sender: Parameters<typeof router>[1]) => {
  const reply = router(message, sender);
  const type = (message as { type?: unknown } | null)?.type;
  if (reply && typeof type === 'string' && CHANGES.has(type)) void reply.then((r) => r.ok && syncSoon());
  return reply;
}) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

browser.alarms?.onAlarm.addListener((alarm) => {
  if (alarm.name === SYNC_ALARM || alarm.name === RETRY_ALARM)
    void syncOnWake().catch((err: unknown) => console.warn('[Dramatis] sync', err));
});

browser.runtime.onStartup.addListener(() => {
  void syncOnWake().catch((err: unknown) => console.warn('[Dramatis] sync', err));
});

browser.commands?.onCommand.addListener((command: string) => {
  void onCommand(command).catch((err: unknown) => console.warn('[Dramatis]', err));
});

browser.runtime.onInstalled.addListener(() => {
  void requestPersistence();
});
