/**
 * Playwright fixtures shared by every spec: one browser with the extension per worker and engine
 * (launching is the slow part), a fresh tab per test, and the localhost server.
 */
import { test as base } from '@playwright/test';
import { launch, type Engine, type ExtensionSession, type TestPage } from '../../../tools/browser/launch';
import { closeWelcomeTab } from '../../../tools/browser/welcome';
import { startServer, type StaticServer } from '../../../tools/browser/server';
import { hasSharedPages, SHARED_MISSING, sharedRequired } from '../../../tools/paths';

export interface Options {
  engine: Engine;
}

export const test = base.extend<{ tab: TestPage }, Options & { session: ExtensionSession; server: StaticServer }>({
  engine: ['chromium', { option: true, scope: 'worker' }],
  session: [
    async ({ engine }, use) => {
      const session = await launch(engine);
      await closeWelcomeTab(session);
      await use(session);
      await session.close();
    },
    { scope: 'worker' },
  ],
  server: [
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  tab: async ({ session }, use) => {
    const page = await session.newPage();
    await use(page);
    await page.close();
  },
});

export { expect } from '@playwright/test';

/**
 * For tests on the real post in ../shared: skipped with a message on a user's clone, where
 * ../shared is absent; in CI (CI=true) its absence fails the test instead, so no gate passes by
 * reading nothing.
 */
export function needsSharedPages(): void {
  if (hasSharedPages()) return;
  if (sharedRequired()) throw new Error(`${SHARED_MISSING}; CI must run with ../shared beside the checkout`);
  test.skip(true, SHARED_MISSING);
}
