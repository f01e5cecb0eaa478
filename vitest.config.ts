import { defineConfig } from 'vitest/config';

/**
 * Three tiers. `unit` runs pure logic, content validation and the staff tools
 * without building a site (`npm run test:unit`, under 30 s on 2 cores with two
 * workers). Its files share their workers' loaded modules (`isolate: false`):
 * loading the module graph again for each of some 80 files cost as much CPU as
 * the tests themselves. So a unit test must leave no state behind: no
 * `vi.mock`, `vi.stubGlobal`/`vi.stubEnv` or writes to `process.env`; folders
 * are passed as arguments, and the content cache is keyed by folder and file
 * times. `vitest run --project unit --sequence.shuffle.files` shows
 * whether a file depends on the ones before it. The staff commands' tests call
 * their work in-process and start each command as a process only once.
 * `site` builds the real site twice in its global setup and tests the output,
 * in a browser and behind nginx. `e2e` drives the publishing desk in a browser
 * against a real git remote, building the site it publishes. `npm test` runs
 * all three.
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
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...SITE_TESTS, END_TO_END_TESTS],
          isolate: false,
          // A few tests start a command as a process; on a busy machine one case can take seconds.
          testTimeout: 30_000,
        },
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
