/**
 * Background entry (Chrome service worker, Firefox event page). Listeners are registered
 * synchronously at the top level so a message that wakes a stopped worker is never missed;
 * nothing lives only in memory that cannot be rebuilt from the bundle or IndexedDB.
 */
// First, before any other module is evaluated: starts reading the index at once (index-prefetch.ts).
import './index-prefetch';
import browser from 'webextension-polyfill';
import { MAX_DETECT_CHARS, validateRequest } from '../core/protocol/validate';
import { InFlightBudget } from '../core/protocol/budget';
import { DramatisError, errorCodeOf } from '../core/protocol/errors';
import { authorize, senderKind, settingsFor } from './access';
import type { ImportSummary, Request, Responses } from '../core/protocol/messages';
import { createRouter } from '../shared/messaging';
import { getSettings, updateSettings } from './db';
import { onCommand } from './commands';
import { backupData, importBackup } from './backup-store';
import { cardDetails } from './card-details';
import { deleteCorrection, listCorrections, saveCorrection } from './corrections-store';
import { broadcastCorrections, broadcastPacks } from './tell-tabs';
import { detect, getEntities, getMatcher, packNotesForPage, reloadMatcher, searchNames } from './detector';
import { deleteNote, notesForEntity, notesForPage, saveNote, searchNotes } from './notes-store';
import { exportPack, importPack, listPacks, removePack, setPackEnabled } from './packs-store';
import { checkPersonalRoom, deletePersonal, listPersonal, savePersonal } from './personal-store';
import { requestPersistence, storageStatus } from './storage';
import { dataSummary, deleteEverything } from './data-store';
import { broadcastSettings } from './settings-broadcast';
import { dropNotesCache } from './notes-store';
import { sendToTab } from '../shared/messaging';
import { backupPage, beginImport, commitImport, importPart } from './backup-transfer';
import { afterDelete, afterWrite, checkStore, guardWrite, recordQuotaError, resume, safetyCopyPart, safetyState } from './safety';
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
// Importing i18n also routes src/core's pack, backup and sync problems through browser.i18n (translateCoreSentences).
import { t } from '../shared/i18n';
import { traceWorker } from '../shared/trace';

/**
 * Every write goes through here: refused while the store is found wiped (safety.ts), followed by
 * the marker and safety-copy bookkeeping, and a full disk remembered for the reader's warning.
 */
async function written<T>(write: () => Promise<T>, after: () => unknown = afterWrite): Promise<T> {
  await guardWrite();
  try {
    const value = await write();
    await after();
    return value;
  } catch (err) {
    if (errorCodeOf(err) === 'quota') await recordQuotaError();
    throw err;
  }
}

/** An import, allowed while the store is found wiped (restoring the safety copy is the remedy), which then resumes writing. */
async function restored(run: () => Promise<ImportSummary>): Promise<ImportSummary> {
  await checkStore();
  try {
    const summary = await run();
    if (summary.personalAdded + summary.personalUpdated + summary.packsAdded + summary.packsUpdated > 0) reloadMatcher();
    if (summary.packsAdded + summary.packsUpdated > 0) void broadcastPacks();
    if (summary.correctionsAdded + summary.correctionsUpdated > 0) void broadcastCorrections();
    await broadcastSettings(await getSettings());
    await resume();
    afterWrite();
    return summary;
  } catch (err) {
    if (errorCodeOf(err) === 'quota') await recordQuotaError();
    throw err;
  }
}

const router = createRouter<Request, Responses>(
  validateRequest,
  {
    // Sent by content scripts at document_start: the worker wakes and loads the index while the page parses.
    warm: async () => {
      await getMatcher();
      return true;
    },
    detect: (m, sender) =>
      detectBudget.run(
        budgetKey(sender),
        m.blocks.reduce((n, b) => n + b.length, 0),
        // A content script's corrections are those of its own page, whatever address it claims.
        () => detect(m.blocks, m.onPage, senderKind(sender).kind === 'extension' ? m.url : sender.url),
        () => new DramatisError('busy', t('bgDetectBusy')),
      ),
    'entities.get': (m) => getEntities(m.ids),
    'card.details': (m) => cardDetails(m.id, m.onPage),
    'settings.get': async (_m, sender) => settingsFor(await getSettings(), sender),
    'settings.set': (m) =>
      written(async () => {
        const next = await updateSettings(m.patch);
        await broadcastSettings(next);
        return next;
      }),
    'notes.save': (m) => written(() => saveNote(m.note)),
    'notes.delete': (m) => written(() => deleteNote(m.id), afterDelete),
    'notes.forPage': (m) => notesForPage(m.url),
    'notes.forEntity': (m) => notesForEntity(m.entityId),
    'notes.query': (m) => searchNotes(m.query),
    'personal.list': () => listPersonal(),
    'personal.save': (m) =>
      written(async () => {
        await checkPersonalRoom(m.entity);
        const saved = await savePersonal(m.entity);
        reloadMatcher();
        return saved;
      }),
    'personal.delete': (m) =>
      written(async () => {
        const existed = await deletePersonal(m.id);
        reloadMatcher();
        return existed;
      }, afterDelete),
    'storage.status': async (_m, sender) => ({ ...(await storageStatus(sender)), safety: await safetyState() }),
    'backup.data': () => backupData(),
    'backup.import': (m) => restored(() => importBackup(m.text)),
    'backup.page': (m) => backupPage(m.store, m.after),
    'backup.import.begin': (m) => beginImport(m.chars),
    'backup.import.part': (m) => importPart(m.upload, m.index, m.text),
    'backup.import.commit': (m) => restored(() => commitImport(m.upload, m.parts)),
    'safety.copy': (m) => safetyCopyPart(m.index),
    'safety.resume': () => resume(),
    // Reference packs: from extension pages only (ACCESS); each change rebuilds the second table.
    'packs.list': () => listPacks(),
    'packs.import': (m) =>
      written(async () => {
        const result = await importPack(m.fileName, m.text);
        if (result.ok) {
          reloadMatcher();
          void broadcastPacks();
        }
        return result;
      }),
    'packs.setEnabled': (m) =>
      written(async () => {
        const list = await setPackEnabled(m.id, m.enabled);
        reloadMatcher();
        // Open pages drop (or show) the pack's names and passage notes at once.
        void broadcastPacks();
        return list;
      }),
    'packs.remove': (m) =>
      written(async () => {
        const existed = await removePack(m.id);
        reloadMatcher();
        void broadcastPacks();
        return existed;
      }, afterDelete),
    'packs.export': (m) => exportPack(m.id, m.title, getEntities),
    // Content scripts too, about their own page only (ACCESS, pageScopeProblem).
    'packs.notesForPage': (m) => packNotesForPage(m.url),
    'data.summary': () => dataSummary(),
    'data.deleteAll': () =>
      written(async () => {
        const deleted = await deleteEverything();
        dropNotesCache();
        reloadMatcher();
        await broadcastSettings(await getSettings());
        // Open tabs drop the notes they show.
        for (const tab of await browser.tabs.query({})) {
          if (tab.id !== undefined) void sendToTab(tab.id, { type: 'page.notesChanged' }).catch(() => undefined);
        }
        return deleted;
      }, afterDelete),
    // Sent by content scripts ("Not this?" in a card) and the options page.
    'names.search': (m) => searchNames(m.query, m.limit),
    'corrections.list': () => listCorrections(),
    'corrections.save': (m, sender) =>
      written(async () => {
        const saved = await saveCorrection(m.correction);
        void broadcastCorrections(sender.tab?.id);
        return saved;
      }),
    'corrections.delete': (m, sender) =>
      written(async () => {
        const deleted = await deleteCorrection(m.id);
        if (deleted) void broadcastCorrections(sender.tab?.id);
        return deleted;
      }, afterDelete),
    'sync.status': (_m, sender) => (assertExtensionPage(sender), syncStatus()),
    'sync.test': (m, sender) => (assertExtensionPage(sender), syncTest(m.account)),
    'sync.enable': (m, sender) => (assertExtensionPage(sender), syncEnable(m.account, m.passphrase, m.deviceName)),
    'sync.now': (_m, sender) => (assertExtensionPage(sender), syncNow()),
    'sync.disable': (_m, sender) => (assertExtensionPage(sender), syncDisable()),
    'sync.removeServerData': (_m, sender) => (assertExtensionPage(sender), syncRemoveServerData()),
  },
  authorize,
);

/**
 * Detection is the one costly request a content script may send: at most DETECT_CALLS_PER_TAB calls
 * and DETECT_CHARS_PER_TAB characters in flight per tab (a 2 MB page's 128 KiB batches fit at once;
 * twenty 8 MB calls do not), over that the answer is 'busy' and the content script retries later.
 */
const DETECT_CALLS_PER_TAB = 32;
const DETECT_CHARS_PER_TAB = 2 * MAX_DETECT_CHARS;
const detectBudget = new InFlightBudget(DETECT_CALLS_PER_TAB, DETECT_CHARS_PER_TAB);
const budgetKey = (sender: browser.Runtime.MessageSender): string =>
  sender.tab?.id !== undefined ? `tab ${sender.tab.id}` : (sender.url ?? 'extension');

/** Messages that change what sync carries: each schedules a (debounced) round when sync is on. */
const CHANGES: ReadonlySet<string> = new Set([
  'notes.save',
  'notes.delete',
  'personal.save',
  'personal.delete',
  'settings.set',
  'backup.import',
  'backup.import.commit',
  'corrections.save',
  'corrections.delete',
  'packs.import',
  'packs.setEnabled',
  'packs.remove',
]);

browser.runtime.onMessage.addListener(((message: unknown, sender: Parameters<typeof router>[1]) => {
  const type = (message as { type?: unknown } | null)?.type;
  traceWorker(`message ${String(type)}`);
  const reply = router(message, sender);
  void reply?.then(() => traceWorker(`answered ${String(type)}`));
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

traceWorker('script evaluated');
