/**
 * Open tabs learn of new settings at once: after every change (options page, popup, keyboard
 * command, restore, delete everything) the background sends `page.settings` (the settings less the
 * reader's site lists) to every tab. A tab without our content script refuses; that is fine (it reads the
 * settings when it next loads). Cost: one message per open tab per change.
 */
import browser from 'webextension-polyfill';
import type { Settings } from '../core/protocol/messages';
import { sendToTab } from '../shared/messaging';

export async function broadcastSettings(full: Settings): Promise<void> {
  // Without the site lists: a tab asks settings.get for its own site's answer (access.ts settingsFor).
  const settings: Settings = { ...full, disabledSites: [], enabledSites: [] };
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? undefined : sendToTab(tab.id, { type: 'page.settings', settings }).catch(() => undefined))),
  );
}
