import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tools/**/*.test.ts', 'scripts/**/*.test.ts', 'test/quality/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
