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
  // One browser at a time: on two cores, Chromium and Firefox side by side starve each other's timers.
  workers: 1,
  // In CI a failed test runs once more; scripts/test.ts prints every test that needed it, so flakiness stays visible.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'out/e2e-results.json' }]],
  outputDir: 'out/test-results',
  projects: [
    { name: 'chromium', use: { engine: 'chromium' } },
    { name: 'firefox', use: { engine: 'firefox' } },
  ],
});
