/**
 * End-to-end tests of the built extension (dist/) in real browsers: Chromium through Playwright,
 * Firefox through puppeteer-core (see tools/browser/launch.ts). `npm test` builds first.
 */
import { defineConfig } from '@playwright/test';
import type { Options } from './test/e2e/support/fixtures';

export default defineConfig<Options>({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'out/e2e-results.json' }]],
  outputDir: 'out/test-results',
  projects: [
    { name: 'chromium', use: { engine: 'chromium' } },
    { name: 'firefox', use: { engine: 'firefox' } },
  ],
});
