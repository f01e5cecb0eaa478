import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Dates and sorting must not depend on the machine running the tests.
    env: { TZ: 'Asia/Shanghai' },
    testTimeout: 30_000,
    hookTimeout: 300_000,
  },
});
