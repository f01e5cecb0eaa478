/**
 * Times the phases of `astro build`, so that a slow build says where its time
 * went: one line in the build's log, and `build-phases.json` in the cache
 * directory for `npm run bench`. A phase ends at a mark: the hooks Astro runs
 * between its own steps, and marks placed after the integrations whose setup
 * does real work (the content gate, the hand-off to the search index).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { phaseDurations, type PhaseMark } from '../lib/build-phases.ts';

export const BUILD_PHASES_FILE = 'build-phases.json';

export function buildPhases(): { astroSteps: AstroIntegration; after: (phase: string) => AstroIntegration; finish: AstroIntegration } {
  const marks: PhaseMark[] = [];
  let building = false;
  let cacheDir: URL | undefined;
  // performance.now() counts from the start of the process, so the first phase includes Node's start-up.
  const mark = (phase: string) => {
    if (building) marks.push({ phase, at: performance.now() });
  };
  return {
    /** Placed first: marks the steps Astro takes between the hooks it runs. */
    astroSteps: {
      name: 'build-phases',
      hooks: {
        'astro:config:setup': ({ command, config }) => {
          building = command === 'build';
          cacheDir = config.cacheDir;
          mark('启动与读取配置');
        },
        'astro:build:start': () => mark('内容同步（渲染文档）'),
        'astro:build:generated': () => mark('打包与生成页面'),
        'astro:build:done': () => mark('写出其余文件'),
      },
    },
    /** Placed after the integrations whose setup the phase names. */
    after: (phase) => ({ name: `build-phases:${phase}`, hooks: { 'astro:config:setup': () => mark(phase) } }),
    /** Placed last: its build:done hook runs after every other integration's. */
    finish: {
      name: 'build-phases:finish',
      hooks: {
        'astro:build:done': ({ logger }) => {
          mark('收尾（网站地图、安全头、等待搜索索引、预压缩）');
          const phases = phaseDurations(marks);
          logger.info(`各阶段用时：${phases.map((p) => `${p.phase} ${p.seconds.toFixed(1)} s`).join('；')}`);
          if (cacheDir) writeFileSync(fileURLToPath(new URL(BUILD_PHASES_FILE, cacheDir)), JSON.stringify(phases, null, 1));
        },
      },
    },
  };
}
