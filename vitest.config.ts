import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Dates and sorting must not depend on the machine running the tests.
    env: { TZ: 'Asia/Shanghai' },
    // Some tests build a whole site; on a busy 2-core machine that can take over a minute.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
