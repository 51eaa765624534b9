/**
 * Keyboard shortcuts (the commands API; readers can rebind them in the browser's shortcut
 * settings): next / previous mention on the active tab, and highlights on or off everywhere.
 */
import browser from 'webextension-polyfill';
import type { TabRequest } from '../core/protocol/messages';
import { sendToTab } from '../shared/messaging';
import { getSettings, updateSettings } from './db';
import { broadcastSettings } from './settings-broadcast';

/** The tab message a step command sends, or undefined for the other commands. */
function stepMessage(command: string): Extract<TabRequest, { type: 'page.step' }> | undefined {
  if (command === 'next-mention') return { type: 'page.step', direction: 'next' };
  if (command === 'previous-mention') return { type: 'page.step', direction: 'previous' };
  return undefined;
}

export async function onCommand(command: string): Promise<void> {
  const step = stepMessage(command);
  if (step) {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await sendToTab(tab.id, step).catch(() => undefined);
    return;
  }
  if (command === 'toggle-highlights') {
    const { highlightsEnabled } = await getSettings();
    const next = await updateSettings({ highlightsEnabled: !highlightsEnabled });
    // Every open tab follows the global switch at once; tabs without our content script just refuse.
    for (const tab of await browser.tabs.query({})) {
      if (tab.id !== undefined) void sendToTab(tab.id, { type: 'page.setHighlights', on: next.highlightsEnabled }).catch(() => undefined);
    }
    void broadcastSettings(next);
  }
}
