/**
 * Stopping Dramatis's background from a test, as the browser does when it is idle or updating:
 * Chromium through the DevTools protocol (ServiceWorker.stopAllWorkers), Firefox through WebDriver
 * BiDi in the browser's own chrome scope (allowed by --remote-allow-system-access), where the
 * extension's terminateBackground() is what about:debugging's "Terminate background script" calls.
 */
import type { BrowserContext, CDPSession } from '@playwright/test';
import type { Browser } from 'puppeteer-core';
import { FIREFOX_ID } from '../targets';
import type { ExtensionSession, TestPage } from './launch';

export interface BackgroundStopper {
  /** Stops the background now; a message sent later wakes it again. */
  stop(): Promise<void>;
  /** How many times the browser reported the background stopped (Chromium), or stop() succeeded (Firefox). */
  stopped(): number;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

export async function backgroundStopper(session: ExtensionSession, page: TestPage): Promise<BackgroundStopper> {
  if (session.engine === 'chromium') {
    const context = (session as ExtensionSession & { context: BrowserContext }).context;
    const cdp: CDPSession = await context.newCDPSession(page as never);
    await cdp.send('ServiceWorker.enable');
    let stopped = 0;
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { runningStatus: string }[] }) => {
      if (e.versions.some((v) => v.runningStatus === 'stopped')) stopped++;
    });
    return {
      stop: async () => {
        await cdp.send('ServiceWorker.stopAllWorkers');
      },
      stopped: () => stopped,
    };
  }
  const connection = (session as ExtensionSession & { browser: Browser }).browser as unknown as { connection: BidiConnection };
  const tree = await connection.connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chrome = (tree.result.contexts as { context: string }[])[0];
  if (!chrome) throw new Error('Firefox gave no chrome-scope browsing context (is --remote-allow-system-access set?)');
  const expression = `(async () => {
    const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
    const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(FIREFOX_ID)});
    if (!extension) return 'no extension';
    await extension.terminateBackground({ ignoreDevToolsAttached: true });
    return 'stopped';
  })()`;
  let stopped = 0;
  return {
    stop: async () => {
      const reply = await connection.connection.send('script.evaluate', {
        expression,
        target: { context: chrome.context },
        awaitPromise: true,
      });
      const value = (reply.result as { result?: { value?: unknown } }).result?.value;
      if (value !== 'stopped') throw new Error(`Firefox did not stop Dramatis's background: ${JSON.stringify(reply.result)}`);
      stopped++;
    },
    stopped: () => stopped,
  };
}
