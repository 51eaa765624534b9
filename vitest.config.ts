import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/quality/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
