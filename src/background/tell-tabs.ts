/** Messages from the background to every tab's content script. */
import browser from 'webextension-polyfill';

/**
 * Tells every tab that corrections changed, so each content session re-resolves its names without
 * a reload. The tab that made the change re-resolves on its own answer, so it is left out. Tabs
 * without our content script refuse the message; that is expected.
 */
export async function broadcastCorrections(exceptTab?: number): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined || tab.id === exceptTab
        ? undefined
        : browser.tabs.sendMessage(tab.id, { type: 'page.correctionsChanged' }).catch(() => undefined),
    ),
  );
}

/**
 * Tells every tab that the packs changed (imported, turned on or off, removed): each session
 * re-resolves its names and loads the packs' passage notes for its page again, so a pack turned off
 * leaves no name and no note of it on an open page.
 */
export async function broadcastPacks(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, { type: 'page.packsChanged' }).catch(() => undefined),
    ),
  );
}
