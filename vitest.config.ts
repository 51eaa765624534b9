import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tools/**/*.test.ts', 'scripts/**/*.test.ts', 'test/quality/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Building the whole dataset's index in a beforeAll takes seconds, more on a busy 2-core machine.
    hookTimeout: 60_000,
  },
});
