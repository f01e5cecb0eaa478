/**
 * `npm run new` on a copy of the real content: the draft it writes passes
 * `npm run check`, the site builds, and the draft is not published.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { astroBuild, PROJECT_ROOT } from '../support/astro-build.ts';

const run = (script: string, args: string[], contentDir: string) =>
  spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', script), ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: contentDir },
  });

test('a new briefing and a new policy are drafts that pass check and stay off the built site', () => {
  const work = mkdtempSync(join(tmpdir(), 'new-content-'));
  try {
    const contentDir = join(work, 'content');
    cpSync(join(PROJECT_ROOT, 'content'), contentDir, { recursive: true });
    const briefing = run('new.ts', ['briefing', 'longnan'], contentDir);
    expect(briefing.status, briefing.stderr).toBe(0);
    expect(briefing.stdout).toMatch(/已新建草稿：.*briefings\/longnan-jianbao-\d{4}-04\.mdx/);
    expect(run('new.ts', ['policy', 'qingshanhu'], contentDir).status).toBe(0);
    const again = run('new.ts', ['briefing', 'nowhere'], contentDir);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('没有编号为“nowhere”的地区');

    const check = run('check.ts', [], contentDir);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toContain('内容检查通过');

    const outDir = join(work, 'dist');
    const built = astroBuild({ contentDir, outDir });
    expect(built.status, built.output).toBe(0);
    const drafts = readdirSync(join(contentDir, 'briefings')).filter((f) => f.includes('-04.mdx'));
    expect(drafts).toHaveLength(1);
    expect(existsSync(join(outDir, 'briefings', drafts[0]!.replace('.mdx', ''), 'index.html'))).toBe(false);
    expect(existsSync(join(outDir, 'briefings', 'longnan-jianbao-2023-03', 'index.html'))).toBe(true);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
