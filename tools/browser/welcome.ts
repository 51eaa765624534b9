/**
 * A fresh install opens Dramatis's welcome page in front (src/background/main.ts). Tests and benches
 * that launch a new profile close it before they start: in Firefox it leaves the page under test a
 * hidden tab, whose frames are ticked only after 1, 2, 4, 8 s, and in both browsers its demo detection
 * competes with the page being measured and can take the focus from a tab a test types into.
 */
import type { ExtensionSession } from './launch';
import { openExtensionPage } from './page';

/**
 * Waits (up to 30 s) until the background has marked the welcome as given (`welcomed` in
 * storage.local) and its tab exists, and closes it; a fixed wait missed a welcome opened late on a
 * loaded machine. Returns what it saw.
 */
export async function closeWelcomeTab(session: ExtensionSession): Promise<'closed' | 'marked, no tab' | 'no welcome in 30 s'> {
  const page = await session.newPage();
  try {
    await openExtensionPage(page, `${session.extensionOrigin}/options.html`);
    return await (page as unknown as { evaluate(s: string): Promise<'closed' | 'marked, no tab' | 'no welcome in 30 s'> })
      .evaluate(`(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      const welcome = location.origin + '/welcome.html';
      let markedAt = 0;
      for (let i = 0; i < 300; i++) {
        const open = (await api.tabs.query({})).filter((t) => (t.url || t.pendingUrl || '').startsWith(welcome));
        if (open.length > 0) {
          await api.tabs.remove(open.map((t) => t.id));
          return 'closed';
        }
        const { welcomed } = await api.storage.local.get('welcomed');
        if (welcomed && !markedAt) markedAt = Date.now();
        // The tab is created right after the mark: two seconds without it means it is not coming.
        if (markedAt && Date.now() - markedAt > 2000) return 'marked, no tab';
        await new Promise((r) => setTimeout(r, 100));
      }
      return 'no welcome in 30 s';
    })()`);
  } finally {
    await page.close();
  }
}
