/**
 * Keeping notes: ask for persistent storage once (so the browser does not evict IndexedDB under
 * pressure; unlimitedStorage in the manifest lifts the quota), and tell readers in a Firefox
 * private window that notes written there last only until the private session ends.
 */
import type browser from 'webextension-polyfill';
import type { StorageStatus } from '../core/protocol/messages';

let persisted: Promise<boolean> | undefined;

export function requestPersistence(): Promise<boolean> {
  persisted ??= (async () => {
    const storage = globalThis.navigator?.storage;
    if (!storage?.persist) return false;
    return (await storage.persisted()) || (await storage.persist());
  })().catch(() => false);
  return persisted;
}

export async function storageStatus(sender: browser.Runtime.MessageSender): Promise<StorageStatus> {
  const estimate = await globalThis.navigator?.storage?.estimate?.().catch(() => undefined);
  return {
    persisted: await requestPersistence(),
    privateWindow: sender.tab?.incognito ?? false,
    usage: estimate?.usage,
    quota: estimate?.quota,
  };
}
