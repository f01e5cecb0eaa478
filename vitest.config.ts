import { defineConfig } from 'vitest/config';

/**
 * Three tiers. `unit` runs pure logic, content validation and the staff tools
 * without building a site (`npm run test:unit`, under 30 s on 2 cores: it runs two
 * workers, since several tests wait on a child process rather than the CPU). `site` builds the real
 * site twice in its global setup and tests the output, in a browser and behind
 * nginx. `e2e` drives the publishing desk in a browser against a real git
 * remote, building the site it publishes. `npm test` runs all three.
 */
const END_TO_END_TESTS = 'test/**/*.e2e.test.ts';
const SITE_TESTS = ['test/build/**/*.test.ts', 'test/browser/**/*.test.ts', 'test/deploy/**/*.test.ts', 'test/tools/docx-publish.test.ts'];

export default defineConfig({
  test: {
    // Dates and sorting must not depend on the machine running the tests.
    env: { TZ: 'Asia/Shanghai' },
    projects: [
      {
        extends: true,
        // A few tests start the import command as a process; on a busy machine one case can take seconds.
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...SITE_TESTS, END_TO_END_TESTS], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: SITE_TESTS,
          globalSetup: ['test/support/global-setup.ts'],
          // Some tests build a whole site; on a busy 2-core machine that can take over a minute.
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: { name: 'e2e', include: [END_TO_END_TESTS], testTimeout: 300_000, hookTimeout: 300_000 },
      },
    ],
  },
});
