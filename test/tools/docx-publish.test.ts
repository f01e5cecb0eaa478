/**
 * From a Word file to a published briefing, on a copy of the real content:
 * the imported briefing and policy are drafts — shown by `npm run dev` with
 * the 草稿 banner and the import's review list, absent from a build with all
 * their rows — and removing the draft line publishes them: the briefing
 * shows its figures, and each tracker's rate over time gains its second point.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { astroBuild, environmentWithoutTestRunner, PROJECT_ROOT } from '../support/astro-build.ts';
import { briefingDocument, docxBytes, policyDocument } from '../fixtures/docx/make-docx.ts';

const work = mkdtempSync(join(tmpdir(), 'docx-publish-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const contentDir = join(work, 'content');
cpSync(join(PROJECT_ROOT, 'content'), contentDir, { recursive: true });

const BRIEFING = 'longnan-jianbao-2023-04';
const POLICY = 'longnan-2023-zhengce-1';
const TRACKERS = ['disanfang-zhenggai', 'duibiao-tisheng', 'chuangxin-shidian'];

const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', script), ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: contentDir },
  });
const page = (outDir: string, path: string) => readFileSync(join(outDir, path), 'utf8');
const chartRows = (outDir: string, tracker: string) =>
  page(outDir, `data/charts/rate-${tracker}-longnan.csv`).trim().split('\n').length - 1;

/** Serves the content with `astro dev` and returns the HTML of each path asked for. */
async function devPages(paths: string[]): Promise<string[]> {
  const port = 4390 + (process.pid % 500);
  const server = spawn(
    process.execPath,
    [
      join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'),
      'dev',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--ignore-lock',
    ],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...environmentWithoutTestRunner(),
        CONTENT_DIR: contentDir,
        ASTRO_CACHE_DIR: join(work, 'dev-cache'),
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      detached: true,
      stdio: 'ignore',
    },
  );
  try {
    const pages: string[] = [];
    for (const path of paths) {
      let html: string | undefined;
      for (let attempt = 0; attempt < 180 && html === undefined; attempt++) {
        try {
          const response = await fetch(`http://127.0.0.1:${port}${path}`);
          if (response.ok) html = await response.text();
          else await new Promise((resolve) => setTimeout(resolve, 500));
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
      pages.push(html ?? '');
    }
    return pages;
  } finally {
    process.kill(-server.pid!, 'SIGTERM');
  }
}

test('import, preview the draft in dev, remove one line, and the briefing and its figures are published', async () => {
  writeFileSync(join(work, '第4期.docx'), await docxBytes(briefingDocument()));
  writeFileSync(join(work, '方案.docx'), await docxBytes(policyDocument()));
  expect(run('import.ts', [join(work, '第4期.docx'), '--into', 'briefings', '--region', 'longnan']).status).toBe(0);
  expect(run('import.ts', [join(work, '方案.docx'), '--into', 'policies', '--region', 'longnan']).status).toBe(0);

  // The draft in dev: banner and review list.
  const [briefingHtml, policyHtml] = await devPages([`/briefings/${BRIEFING}/`, `/policies/${POLICY}/`]);
  expect(briefingHtml).toContain('class="draft-banner"');
  expect(briefingHtml).toContain('需要人工核对（3 项）');
  expect(briefingHtml).toContain('未能录入的数字：“营商环境投诉事项进展');
  expect(briefingHtml).toContain('本期公布的进展数字');
  expect(policyHtml).toContain('class="draft-banner"');
  expect(policyHtml).toContain('龙办发〔2023〕12号');

  // A build leaves the drafts and every row citing them out.
  const draftOut = join(work, 'dist-draft');
  const draftBuild = astroBuild({ contentDir, outDir: draftOut });
  expect(draftBuild.status, draftBuild.output).toBe(0);
  expect(existsSync(join(draftOut, 'briefings', BRIEFING, 'index.html'))).toBe(false);
  expect(existsSync(join(draftOut, 'policies', POLICY, 'index.html'))).toBe(false);
  expect(existsSync(join(draftOut, 'tasks', `${POLICY}-fujian1`, 'index.html'))).toBe(false);
  expect(page(draftOut, 'data/tables/progress.csv')).not.toContain(BRIEFING);
  expect(page(draftOut, 'data/tables/ranking-tiers.csv')).not.toContain(BRIEFING);
  for (const tracker of TRACKERS) expect(chartRows(draftOut, tracker)).toBe(1);

  // Removing the draft line publishes.
  for (const file of [join(contentDir, 'briefings', `${BRIEFING}.mdx`), join(contentDir, 'policies', `${POLICY}.mdx`)])
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^draft: true\n/m, ''));
  const check = run('check.ts', []);
  expect(check.status, check.stderr).toBe(0);
  const outDir = join(work, 'dist');
  const built = astroBuild({ contentDir, outDir });
  expect(built.status, built.output).toBe(0);
  const briefing = page(outDir, `briefings/${BRIEFING}/index.html`);
  expect(briefing).not.toContain('draft-banner');
  expect(briefing).toContain('本期公布的进展数字');
  expect(briefing).toMatch(/<td class="num">96<\/td>/);
  expect(briefing).toContain('rowspan="2"');
  expect(page(outDir, `tasks/${POLICY}-fujian1/index.html`)).toContain('推广电子营业执照应用');
  for (const tracker of TRACKERS) {
    expect(chartRows(outDir, tracker)).toBe(2);
    expect(page(outDir, `trackers/${tracker}/longnan/index.html`)).toContain(`snapshot-longnan-2023-08-31-${tracker}`);
  }
}, 600_000);
