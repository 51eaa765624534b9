/**
 * Sync in the background: off until the reader sets it up on the options page, and then it runs
 * after local changes (debounced), when the browser starts, every SYNC_PERIOD_MINUTES (alarms) and
 * on "Sync now". Failures back off (1, 2, 4… up to 60 minutes) with the state kept in the `sync`
 * store for the options page and the popup. A round stopped midway (worker stopped, server gone)
 * resumes on the next one without duplicates: see src/core/sync/engine.ts.
 *
 * With sync off this module makes no request at all: every path below starts from the stored
 * config, which exists only after the reader turned sync on and granted the server's origin.
 */
import browser from 'webextension-polyfill';
import { DramatisError } from '../core/protocol/errors';
import type { SyncAccount, SyncCheck, SyncProblemCode, SyncStatus } from '../core/protocol/messages';
import { newDeviceId, newSyncState, removeServerData, syncOnce, SyncError, unlock, type SyncState } from '../core/sync/engine';
import { db, getSettings, type SyncConfig } from './db';
import { dropCorrectionsCache } from './corrections-store';
import { broadcastCorrections } from './tell-tabs';
import { broadcastSettings } from './settings-broadcast';
import { reloadMatcher } from './detector';
import { dropNotesCache } from './notes-store';
import { clearSyncBookkeeping, idbSyncStore } from './sync-store';
import { normalizeServerUrl, originPattern, testConnection, webDavRemote, WebDavError } from './webdav';
import { t } from '../shared/i18n';

export const SYNC_ALARM = 'dramatis-sync';
export const RETRY_ALARM = 'dramatis-sync-retry';
export const SYNC_PERIOD_MINUTES = 15;
/** Quiet time after a local change before a round starts, so a burst of edits is one upload. */
export const DEBOUNCE_MS = 4_000;
const MAX_BACKOFF_MS = 60 * 60_000;

/** Problems the reader must fix; retrying on a timer would change nothing. */
const NEEDS_THE_READER: ReadonlySet<SyncProblemCode> = new Set([
  'wrong-passphrase',
  'server-reset',
  'foreign-folder',
  'newer-format',
  'permission',
]);

const OFF: SyncStatus = { enabled: false, running: false, outcome: 'never', skipped: [], failures: 0, sent: 0, received: 0, conflicts: 0 };

let running: Promise<void> | undefined;
let again = false;
let debounce: ReturnType<typeof setTimeout> | undefined;
/** Whether sync is on, remembered after the first read so a note save costs no extra read when it is off. */
let enabledCache: boolean | undefined;

/** Sync messages come from Dramatis's own pages only, never from a content script in a web page. */
export function assertExtensionPage(sender: browser.Runtime.MessageSender): void {
  const own = browser.runtime.getURL('/');
  if (!sender.url?.startsWith(own)) throw new DramatisError('invalid', t('bgSyncOptionsOnly'));
}

function problemOf(err: unknown): { problem: SyncProblemCode; detail: string } {
  const detail = err instanceof Error ? err.message : String(err);
  if (err instanceof WebDavError || err instanceof SyncError) return { problem: err.code, detail };
  return { problem: 'internal', detail };
}

async function readConfig(): Promise<SyncConfig | undefined> {
  const config = (await (await db()).get('sync', 'config')) as SyncConfig | undefined;
  enabledCache = config !== undefined;
  return config;
}

async function readStatus(): Promise<SyncStatus> {
  return { ...OFF, ...((await (await db()).get('sync', 'status')) as SyncStatus | undefined) };
}

async function writeStatus(patch: Partial<SyncStatus>): Promise<SyncStatus> {
  const next = { ...(await readStatus()), ...patch };
  await (await db()).put('sync', next, 'status');
  return next;
}

async function hasPermission(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(url)] });
  } catch {
    return false;
  }
}

export async function syncStatus(): Promise<SyncStatus> {
  const config = await readConfig();
  if (!config) return { ...OFF };
  return {
    ...(await readStatus()),
    enabled: true,
    server: config.account.url,
    user: config.account.user,
    deviceName: config.deviceName,
    running: running !== undefined,
  };
}

/** "Test connection": the first thing wrong, by its code, or ok. Makes requests only to that server, only when asked. */
export async function syncTest(account: SyncAccount): Promise<SyncCheck> {
  try {
    const url = normalizeServerUrl(account.url);
    if (!(await hasPermission(url))) return { ok: false, problem: 'permission', detail: `No permission to reach ${originPattern(url)}.` };
    await testConnection({ ...account, url });
    return { ok: true };
  } catch (err) {
    return { ok: false, ...problemOf(err) };
  }
}

/** Turns sync on: checks the server, opens (or creates) the encrypted data with the passphrase, then starts a first round. */
export async function syncEnable(account: SyncAccount, passphrase: string, deviceName: string): Promise<SyncCheck> {
  const tested = await syncTest(account);
  if (!tested.ok) return tested;
  const normalized = { ...account, url: normalizeServerUrl(account.url) };
  try {
    const unlocked = await unlock(webDavRemote(normalized), passphrase);
    const conn = await db();
    const previous = (await conn.get('sync', 'config')) as SyncConfig | undefined;
    if (previous?.salt !== unlocked.salt) await clearSyncBookkeeping(conn);
    const name = deviceName.trim() || 'This browser';
    const config: SyncConfig = { account: normalized, deviceName: name, keys: unlocked.keys, salt: unlocked.salt };
    await conn.put('sync', config, 'config');
    const state = (await conn.get('sync', 'state')) as SyncState | undefined;
    await conn.put('sync', state ? { ...state, deviceName: name } : newSyncState(newDeviceId(), name), 'state');
    await conn.put('sync', { ...OFF, enabled: true }, 'status');
    enabledCache = true;
    await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
    void requestRound();
    return { ok: true };
  } catch (err) {
    return { ok: false, ...problemOf(err) };
  }
}

/** "Stop syncing": forgets the server, the credentials, the keys and sync's bookkeeping; every note stays. */
export async function syncDisable(): Promise<SyncStatus> {
  clearTimeout(debounce);
  await running;
  const conn = await db();
  await clearSyncBookkeeping(conn);
  await conn.delete('sync', 'config');
  await conn.delete('sync', 'status');
  enabledCache = false;
  await browser.alarms.clear(SYNC_ALARM);
  await browser.alarms.clear(RETRY_ALARM);
  return { ...OFF };
}

/** "Remove my data from the server": deletes the sync folder there, then stops syncing here. */
export async function syncRemoveServerData(): Promise<SyncCheck> {
  const config = await readConfig();
  if (!config) return { ok: false, problem: 'internal', detail: t('bgSyncNotSetUp') };
  await running;
  try {
    await removeServerData(webDavRemote(config.account));
  } catch (err) {
    return { ok: false, ...problemOf(err) };
  }
  await syncDisable();
  return { ok: true };
}

/** "Sync now": a round at once (or right after the one running), then the status. */
export async function syncNow(): Promise<SyncStatus> {
  await requestRound();
  return syncStatus();
}

/** After a local change: a round once the reader has paused for DEBOUNCE_MS. Nothing at all when sync is off. */
export function syncSoon(): void {
  if (enabledCache === false) return;
  clearTimeout(debounce);
  debounce = setTimeout(() => {
    void readConfig().then((config) => (config ? requestRound() : undefined));
  }, DEBOUNCE_MS);
}

/** Alarms and browser start: a round when sync is on. */
export async function syncOnWake(): Promise<void> {
  if (await readConfig()) await requestRound();
}

/** One round at a time; a request during a round makes one more round after it. */
function requestRound(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        await round();
      } while (again);
    } finally {
      running = undefined;
    }
  })();
  return running;
}

async function round(): Promise<void> {
  const config = await readConfig();
  if (!config) return;
  const started = Date.now();
  // A dead man's switch: if the worker is stopped mid-round, this alarm wakes it to resume.
  await browser.alarms.create(RETRY_ALARM, { delayInMinutes: 2 });
  try {
    if (!(await hasPermission(config.account.url)))
      throw Object.assign(new Error(`No permission to reach ${originPattern(config.account.url)}.`), { code: 'permission' });
    const conn = await db();
    const store = idbSyncStore(conn, () => newSyncState(newDeviceId(), config.deviceName), {
      written: (kinds) => {
        if (kinds.has('note')) dropNotesCache();
        if (kinds.has('personal') || kinds.has('pack')) reloadMatcher();
        if (kinds.has('correction')) {
          dropCorrectionsCache();
          void broadcastCorrections();
        }
        if (kinds.has('settings')) void getSettings().then(broadcastSettings);
      },
    });
    const report = await syncOnce(store, webDavRemote(config.account), { keys: config.keys, salt: config.salt, created: false });
    await browser.alarms.clear(RETRY_ALARM);
    await writeStatus({
      lastAttempt: Date.now(),
      lastSuccess: Date.now(),
      outcome: 'ok',
      problem: undefined,
      detail: undefined,
      skipped: report.problems,
      failures: 0,
      nextRetry: undefined,
      sent: report.sent,
      received: report.received,
      conflicts: report.conflicts,
    });
  } catch (err) {
    const { problem, detail } =
      (err as { code?: unknown }).code === 'permission'
        ? { problem: 'permission' as const, detail: (err as Error).message }
        : problemOf(err);
    const failures = (await readStatus()).failures + 1;
    let nextRetry: number | undefined;
    if (!NEEDS_THE_READER.has(problem)) {
      nextRetry = Date.now() + Math.min(60_000 * 2 ** (failures - 1), MAX_BACKOFF_MS);
      await browser.alarms.create(RETRY_ALARM, { when: nextRetry });
    } else await browser.alarms.clear(RETRY_ALARM);
    await writeStatus({ lastAttempt: Math.max(started, Date.now()), outcome: 'error', problem, detail, failures, nextRetry });
  }
}
