/** Talking to the extension as its own pages do: from an extension page, through the extension APIs. */
import type { ExtensionSession, TestPage } from './launch';
import { openExtensionPage } from './page';

/** An extension page (popup.html) open in a tab, to call extension APIs from. */
export async function extensionPage(session: ExtensionSession, path = 'popup.html'): Promise<TestPage> {
  const page = await session.newPage();
  await openExtensionPage(page, `${session.extensionOrigin}/${path}`);
  return page;
}

const evaluate = <T>(page: TestPage, script: string) => (page as unknown as { evaluate(s: string): Promise<T> }).evaluate(script);

/** The id of the tab showing `url`, found by asking each tab's content script for its summary. */
export function tabIdFor(extPage: TestPage, url: string): Promise<number | undefined> {
  return evaluate<number | undefined>(
    extPage,
    `(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    for (const t of await api.tabs.query({})) {
      try {
        const reply = await api.tabs.sendMessage(t.id, { type: 'page.summary' });
        if (reply && reply.ok && reply.value.url === ${JSON.stringify(url)}) return t.id;
      } catch (e) { /* no content script in that tab */ }
    }
  })()`,
  );
}

/** Sends a tab message exactly as the background does for a keyboard command, and returns the reply. */
export function sendTabMessage<T>(extPage: TestPage, tabId: number, message: unknown): Promise<{ ok: boolean; value?: T; error?: string }> {
  return evaluate(
    extPage,
    `(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    return api.tabs.sendMessage(${tabId}, ${JSON.stringify(message)});
  })()`,
  );
}
