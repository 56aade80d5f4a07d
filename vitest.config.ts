import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/support/test-tmpdir.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
