/**
 * The publishing desk end to end, as staff use it: `npm run desk` as a child
 * process on a free port, working on a temporary clone whose `origin` is a
 * real bare repository, two accounts made with `npm run desk:user`, and
 * Chromium. A Word briefing with one figure the importer cannot place is
 * uploaded, the figure filled in, previewed, submitted, approved by the
 * other account and published (a commit with both names in the bare
 * remote, and a site build of it with the briefing and the new chart
 * point); an Excel task list goes the same way; a draft is sent back and
 * approved; a publication is withdrawn; every bad input of the issue is
 * refused. The desk runs in its single-server mode (`--web-root`): each
 * approval also builds the site into a release and makes it the one served.
 * Screenshots at 390 and 1280 px go to a temporary folder.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import writeXlsxFile from 'write-excel-file/node';
// fflate is what docx, read-excel-file and write-excel-file zip with.
import { zipSync } from 'fflate';
import { launchBrowser } from '../support/browser.ts';
import { astroBuild, PROJECT_ROOT } from '../support/astro-build.ts';
import { briefingDocument, docxBytes } from '../fixtures/docx/make-docx.ts';

const PASSWORD = { zhangsan: 'slow-river-41-tea', lisi: 'quiet-hill-73-ink' };
/** The 第三方整改 sentence with its 已完成 count left out: the importer must not guess it. */
const SENTENCE_WITHOUT_DONE =
  '第三方整改事项进展：2022年度省营商环境第三方评价反馈59项具体问题整改举措清单105项，截止8月31日，未完成3项，正在推进6项，完成率97.1%。';

let root: string;
let work: string;
let remote: string;
let releases: string;
let shots: string;
let desk: ChildProcess;
let url: string;
let browser: Browser;
let output = '';
const contexts: BrowserContext[] = [];

const git = (args: string[], cwd = work) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

function addUser(data: string, username: keyof typeof PASSWORD, name: string, role: string) {
  const result = spawnSync(
    process.execPath,
    [
      join(PROJECT_ROOT, 'scripts', 'desk-user.ts'),
      'add',
      username,
      '--name',
      name,
      '--email',
      `${username}@example.gov.cn`,
      '--role',
      role,
      '--data',
      data,
    ],
    { input: `${PASSWORD[username]}\n`, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(result.stderr);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'desk-e2e-'));
  remote = join(root, 'remote.git');
  work = join(root, 'work');
  shots = join(root, 'screenshots');
  releases = join(root, 'releases');
  mkdirSync(shots);
  execFileSync('git', ['init', '--bare', '--quiet', '-b', 'main', remote]);
  execFileSync('git', ['push', '--quiet', remote, 'HEAD:refs/heads/main'], { cwd: PROJECT_ROOT });
  execFileSync('git', ['clone', '--quiet', remote, work]);
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(work, 'node_modules'));
  // The symlink is not a folder, so .gitignore's `node_modules/` does not cover it; the desk refuses to publish over untracked files.
  writeFileSync(join(work, '.git', 'info', 'exclude'), 'node_modules\n');
  const data = join(root, 'data');
  addUser(data, 'zhangsan', '张三', 'editor');
  addUser(data, 'lisi', '李四', 'reviewer');

  const options = ['--port', '0', '--repo', work, '--data', data, '--web-root', releases];
  desk = spawn(process.execPath, [join(PROJECT_ROOT, 'desk', 'server.ts'), ...options], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`desk did not start:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const address = /已启动：(http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
      if (address) {
        clearTimeout(timer);
        resolve(address);
      }
    };
    desk.stdout!.on('data', read);
    desk.stderr!.on('data', read);
    desk.on('exit', (code) => reject(new Error(`desk exited with ${code}:\n${output}`)));
  });
  browser = await launchBrowser();
  console.log(`desk e2e: screenshots in ${shots}`);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  if (desk && desk.exitCode === null) {
    desk.kill('SIGTERM');
    await new Promise((resolve) => desk.once('exit', resolve));
  }
});

async function loggedIn(username: keyof typeof PASSWORD, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${url}/`);
  await page.waitForURL(/\/login$/);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD[username]);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${url}/`);
  return page;
}

async function upload(
  page: Page,
  file: { name: string; bytes: Uint8Array },
  choose: { type: string; region?: string; policy?: string; newList?: string },
) {
  await page.goto(`${url}/`);
  await page.locator(`input[name=type][value=${choose.type}]`).check();
  if (choose.region) await page.locator('#u-region').selectOption(choose.region);
  if (choose.policy) await page.locator('#u-policy').selectOption(choose.policy);
  if (choose.newList) await page.locator('#u-newList').fill(choose.newList);
  await page.locator('#u-file').setInputFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: Buffer.from(file.bytes) });
  await page.getByRole('button', { name: '上传并导入' }).click();
  await page.waitForLoadState('domcontentloaded');
}

/** Waits for the draft page after an upload; on anything else, fails with what the page says. */
async function waitForDraft(page: Page, pattern: RegExp): Promise<void> {
  await page.waitForURL(pattern, { timeout: 60_000 }).catch(async () => {
    throw new Error(
      `expected ${pattern} but ${page.url()} says:\n${(await page.locator('main').innerText()).slice(0, 1500)}\n${output.slice(-1500)}`,
    );
  });
}

const draftFiles = () => readdirSync(join(root, 'data', 'drafts')).filter((name) => name.endsWith('.json')).length;
const remoteLog = (format: string, count = 1) => git(['--git-dir', remote, 'log', `-${count}`, `--format=${format}`, 'main'], root);

/** A page of the release the web server serves (`<releases>/current`), as nginx would read it. */
const servedPage = (...path: string[]) => readFileSync(join(releases, 'current', ...path, 'index.html'), 'utf8');

async function submitAndApprove(editor: Page, reviewer: Page): Promise<string> {
  const draftUrl = editor.url().replace(/\?.*$/, '');
  await editor.getByRole('button', { name: '提交审核' }).click();
  await editor.getByText('已提交审核，稿件已锁定').waitFor();
  await reviewer.goto(draftUrl);
  await reviewer.getByRole('button', { name: '审核通过' }).click();
  await reviewer
    .getByText(/审核通过，已发布/)
    .waitFor({ timeout: 120_000 })
    .catch(async () => {
      throw new Error(
        `not published; the page says:\n${(await reviewer.locator('main').innerText()).slice(0, 2000)}\n${output.slice(-1500)}`,
      );
    });
  return draftUrl;
}

/** A zip whose one entry inflates to `size` bytes of zeros: refused by its declared size, never unpacked. */
const zipBomb = (size: number): Uint8Array => zipSync({ 'word/document.xml': new Uint8Array(size) }, { level: 9 });

/** The page's failure notice (which step failed, and that nothing changed). */
async function failureText(page: Page): Promise<string> {
  const notice = page.locator('.failure');
  await notice.first().waitFor();
  return (await notice.allInnerTexts()).join('\n');
}

describe('publishing desk in a browser', () => {
  let editor: Page;
  let reviewer: Page;
  let briefingCommit: string;

  test('a Word briefing: uploaded, its unplaced figure filled in, previewed, submitted, approved by the other account and published', async () => {
    [editor, reviewer] = await Promise.all([loggedIn('zhangsan'), loggedIn('lisi')]);
    const bytes = new Uint8Array(await docxBytes(briefingDocument({ disanfang: SENTENCE_WITHOUT_DONE })));
    await upload(editor, { name: '龙南简报第4期.docx', bytes }, { type: 'briefing', region: 'longnan' });
    await waitForDraft(editor, /\/drafts\/longnan-jianbao-2023-04\?notice=imported$/);
    const notImported = editor.locator('.import-group.not-imported');
    expect(await notImported.innerText()).toContain('截止8月31日，未完成3项');
    expect(await editor.locator('.import-group.recognised li').count()).toBeGreaterThan(0);

    // The figure: parts that do not add up are flagged beside the field as staff type, before any save.
    const figure = editor.locator('fieldset.figure').first();
    const done = figure.locator('[name="fig.0.已完成"]');
    await done.fill('90');
    await figure.locator('.has-issues').first().waitFor({ timeout: 20_000 });
    expect(await figure.locator('.issues').allInnerTexts()).not.toEqual([]);
    await editor.screenshot({ path: join(shots, 'draft-figure-issue-1280.png'), fullPage: true });
    await done.fill('96');
    // The 投诉 sentence is not a tracked list: staff leave it out rather than invent a tracker.
    const others = await editor.locator('fieldset.figure').count();
    for (let i = 1; i < others; i++) await editor.locator(`[name="fig.${i}._skip"]`).check();
    await editor.waitForFunction(() => document.querySelectorAll('fieldset.figure .has-issues').length === 0, null, { timeout: 20_000 });
    await editor.getByRole('button', { name: '保存' }).click();
    await editor.getByText('已保存。').waitFor();

    // The preview is the site's own page of the draft, with the 草稿 banner.
    const previewPath = await editor.locator('.preview iframe').first().getAttribute('src');
    expect(previewPath).toMatch(/^\/preview\//);
    // On a busy machine the dev server may still be re-reading the content: ask again for up to two minutes.
    let preview = await editor.context().request.get(`${url}${previewPath}`, { timeout: 120_000 });
    for (const start = Date.now(); preview.status() !== 200 && Date.now() - start < 120_000;) {
      await editor.waitForTimeout(2000);
      preview = await editor.context().request.get(`${url}${previewPath}`, { timeout: 120_000 });
    }
    const previewHtml = await preview.text();
    expect(preview.status(), previewHtml.slice(0, 500)).toBe(200);
    expect(previewHtml).toContain('第4期');
    expect(previewHtml).toContain('草稿');
    await editor.screenshot({ path: join(shots, 'draft-1280.png'), fullPage: true });
    const phone = await editor.context().newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(editor.url());
    await phone.screenshot({ path: join(shots, 'draft-390.png'), fullPage: true });
    await phone.close();

    await submitAndApprove(editor, reviewer);
    await reviewer.screenshot({ path: join(shots, 'published-1280.png'), fullPage: true });
    // The reviewer is told the site is live, and the published draft is not checked against itself.
    expect(await reviewer.locator('main').innerText()).toContain('网站已换成新版本');
    expect(await reviewer.locator('[data-issue-count]').innerText()).toBe('没有发现问题。');
    expect(remoteLog('%an <%ae>')).toBe('张三 <zhangsan@example.gov.cn>');
    const message = remoteLog('%B');
    expect(message).toContain('第4期');
    expect(message).toContain('Reviewed-by: 李四 <lisi@example.gov.cn>');
    briefingCommit = remoteLog('%H');
    expect(git(['show', '--stat', '--format=', briefingCommit], remote)).toMatch(/content\/tables\/progress\.csv/);
    const published = git(['show', `${briefingCommit}:content/briefings/longnan-jianbao-2023-04.mdx`], remote);
    expect(published).not.toMatch(/^draft:/m);
    expect(git(['show', `${briefingCommit}:content/tables/progress.csv`], remote)).toMatch(
      /longnan,disanfang-zhenggai,2023-08-31,105,96,6,3/,
    );
    // Live: the release the web server is pointed at has the briefing.
    expect(servedPage('briefings', 'longnan-jianbao-2023-04')).toContain('第4期');
  });

  test('the history lists the publication with editor and reviewer', async () => {
    await reviewer.goto(`${url}/history`);
    const entry = reviewer.locator('.history li').first();
    const text = await entry.innerText();
    expect(text).toContain('第4期');
    expect(text).toContain('编辑：张三');
    expect(text).toContain('审核：李四');
    await reviewer.screenshot({ path: join(shots, 'history-1280.png'), fullPage: true });
  });

  test('an Excel task list goes the same way', async () => {
    const bytes = new Uint8Array(readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'import', 'tasks-merged.xlsx')));
    await upload(
      editor,
      { name: '任务清单.xlsx', bytes },
      { type: 'tasks', region: 'qingshanhu', policy: 'qingshanhu-2023-xingdong-fangan', newList: 'qingshanhu-2023-jianzhu-renwu' },
    );
    await waitForDraft(editor, /\/drafts\/[a-z0-9-]+\?notice=imported$/);
    await submitAndApprove(editor, reviewer);
    expect(remoteLog('%B')).toContain('Reviewed-by: 李四');
    const list = git(['show', 'main:content/tasks/qingshanhu-2023-jianzhu-renwu.csv'], remote);
    expect(list).toContain('深入推进并联审批。');
  });

  test('sent back with a comment, edited, approved', async () => {
    const bytes = new Uint8Array(await docxBytes(briefingDocument({ issueLine: '第5期' })));
    await upload(editor, { name: '龙南简报第5期.docx', bytes }, { type: 'briefing', region: 'longnan' });
    await waitForDraft(editor, /\/drafts\/longnan-jianbao-2023-05\?notice=imported$/);
    const draftUrl = editor.url().replace(/\?.*$/, '');
    // This issue's 投诉 sentence is not a tracked list: left out of the progress table.
    for (const skip of await editor.locator('input[name$="._skip"]').all()) await skip.check();
    await editor.getByRole('button', { name: '提交审核' }).click();
    await editor.getByText('已提交审核，稿件已锁定').waitFor();
    await reviewer.goto(draftUrl);
    await reviewer.getByRole('button', { name: '退回修改' }).click(); // no comment: the browser's required check stops it
    expect(reviewer.url()).toBe(draftUrl);
    await reviewer.getByLabel('退回意见（必填）').fill('标题请写明月份');
    await reviewer.getByRole('button', { name: '退回修改' }).click();
    await reviewer.getByText('已退回修改').waitFor();
    await editor.goto(draftUrl);
    expect(await editor.locator('.comments').innerText()).toContain('标题请写明月份');
    const title = editor.locator('[name="fm.title"]');
    await title.fill('龙南营商环境“一号改革工程”工作简报 第5期（8月）');
    await editor.getByRole('button', { name: '保存' }).click();
    await editor.getByText('已保存。').waitFor();
    await submitAndApprove(editor, reviewer);
    expect(git(['show', 'main:content/briefings/longnan-jianbao-2023-05.mdx'], remote)).toContain('第5期（8月）');
  });

  test('withdrawn: a revert commit that also needed a reviewer', async () => {
    await editor.goto(`${url}/history`);
    const entry = editor.locator('.history li', { hasText: '第5期' }).first();
    await entry.getByRole('button', { name: '撤回' }).click();
    await waitForDraft(editor, /\/drafts\/chehui-[0-9a-f]+\?notice=withdrawal$/);
    await submitAndApprove(editor, reviewer);
    expect(remoteLog('%B')).toMatch(/Reviewed-by: 李四/);
    expect(spawnSync('git', ['--git-dir', remote, 'cat-file', '-e', 'main:content/briefings/longnan-jianbao-2023-05.mdx']).status).not.toBe(
      0,
    );
    await reviewer.goto(`${url}/history`);
    expect(await reviewer.locator('.history').innerText()).toContain('已撤回');
    // The site was built again without it, and the earlier briefing is still served.
    expect(() => servedPage('briefings', 'longnan-jianbao-2023-05')).toThrow(/ENOENT/);
    expect(servedPage('briefings', 'longnan-jianbao-2023-04')).toContain('第4期');
  });

  test('every bad input of the issue gets a Chinese message and nothing is written', async () => {
    editor ??= await loggedIn('zhangsan');
    const before = draftFiles();
    const headOfRemote = remoteLog('%H');
    const docx = new Uint8Array(await docxBytes(briefingDocument()));
    const refusals: [string, { name: string; bytes: Uint8Array }, Parameters<typeof upload>[2], RegExp][] = [
      [
        'renamed-exe',
        { name: '简报.docx', bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]) },
        { type: 'briefing', region: 'longnan' },
        /第1步：检查文件失败/,
      ],
      [
        'corrupt-docx',
        { name: '简报.docx', bytes: docx.slice(0, Math.floor(docx.length / 2)) },
        { type: 'briefing', region: 'longnan' },
        /失败/,
      ],
      ['empty', { name: '简报.docx', bytes: new Uint8Array() }, { type: 'briefing', region: 'longnan' }, /第1步：检查文件失败/],
      [
        'no-header',
        {
          name: '清单.xlsx',
          bytes: new Uint8Array(await writeXlsxFile([[{ value: 1 }, { value: '开办企业' }, { value: '推行一网通办' }]], {}).toBuffer()),
        },
        { type: 'tasks', region: 'qingshanhu', policy: 'qingshanhu-2023-xingdong-fangan', newList: 'qingshanhu-2024-renwu' },
        /第3步：导入失败/,
      ],
      ['zip-bomb', { name: '简报.docx', bytes: zipBomb(60 * 1024 * 1024) }, { type: 'briefing', region: 'longnan' }, /第1步：检查文件失败/],
      [
        'duplicate-issue',
        { name: '简报.docx', bytes: new Uint8Array(await docxBytes(briefingDocument({ issueLine: '第3期' }))) },
        { type: 'briefing', region: 'longnan' },
        /第3期|期号/,
      ],
      [
        'no-region-policy',
        { name: '清单.xlsx', bytes: new Uint8Array(readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'import', 'tasks-merged.xlsx'))) },
        { type: 'tasks', newList: 'qingshanhu-2024-renwu' },
        /没有选择地区：请在上传区的“地区”下拉框中选择[\s\S]*没有选择来源政策/,
      ],
    ];
    for (const [name, file, choose, expected] of refusals) {
      await upload(editor, file, choose);
      const text = await failureText(editor);
      expect(text, name).toMatch(expected);
      expect(text, name).toMatch(/没有生成草稿/);
      await editor.screenshot({ path: join(shots, `refused-${name}-1280.png`), fullPage: true });
    }
    // 30 MB: refused before it is parsed.
    await upload(editor, { name: '大文件.docx', bytes: new Uint8Array(30 * 1024 * 1024) }, { type: 'briefing', region: 'longnan' });
    expect(await editor.locator('body').innerText()).toContain('不能超过 20 MB');
    expect(draftFiles()).toBe(before);
    expect(remoteLog('%H')).toBe(headOfRemote);
    expect(git(['status', '--porcelain', '--', 'content'])).toBe('');
  });

  test('two staff saving the same draft: the second is told 已被他人修改 and keeps their input', async () => {
    const bytes = new Uint8Array(await docxBytes(briefingDocument({ issueLine: '第6期' })));
    await upload(editor, { name: '龙南简报第6期.docx', bytes }, { type: 'briefing', region: 'longnan' });
    await waitForDraft(editor, /\/drafts\/longnan-jianbao-2023-06\?notice=imported$/);
    const colleague = await loggedIn('zhangsan', 390);
    await colleague.goto(editor.url());
    const titleOf = (page: Page) => page.locator('[name="fm.title"]');
    await titleOf(editor).fill('第6期 张三的标题');
    await titleOf(colleague).fill('第6期 同事的标题');
    await editor.getByRole('button', { name: '保存' }).click();
    await editor.getByText('已保存。').waitFor();
    await colleague.getByRole('button', { name: '保存' }).click();
    const text = await failureText(colleague);
    expect(text).toContain('已被他人修改');
    expect(await titleOf(colleague).inputValue()).toBe('第6期 同事的标题');
    await colleague.screenshot({ path: join(shots, 'conflict-390.png'), fullPage: true });
    const saved = JSON.parse(readFileSync(join(root, 'data', 'drafts', 'longnan-jianbao-2023-06.json'), 'utf8')) as { title: string };
    expect(saved.title).toBe('第6期 张三的标题');
  });

  test('phone and desktop screenshots of the workbench', async () => {
    await editor.goto(`${url}/`);
    await editor.screenshot({ path: join(shots, 'workbench-1280.png'), fullPage: true });
    const phone = await editor.context().newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${url}/`);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: join(shots, 'workbench-390.png'), fullPage: true });
    await phone.close();
  });

  test('npm run build of the published briefing commit shows the briefing and the tracker chart with the new point', () => {
    const checkout = join(root, 'built-commit');
    execFileSync('git', ['worktree', 'add', '--detach', '--quiet', checkout, briefingCommit], { cwd: work });
    const outDir = join(root, 'site');
    const result = astroBuild({ contentDir: join(checkout, 'content'), outDir });
    expect(result.status, result.output.slice(-3000)).toBe(0);
    const briefing = readFileSync(join(outDir, 'briefings', 'longnan-jianbao-2023-04', 'index.html'), 'utf8');
    expect(briefing).toContain('第4期');
    expect(briefing).not.toContain('草稿');
    const chartFiles = readdirSync(join(outDir, 'data', 'charts')).filter(
      (name) => name.includes('disanfang-zhenggai') && name.includes('longnan'),
    );
    expect(chartFiles.length).toBeGreaterThan(0);
    const points = chartFiles.map((name) => readFileSync(join(outDir, 'data', 'charts', name), 'utf8')).join('\n');
    expect(points).toContain('2023-08-31');
    expect(points).toMatch(/2023-08-31[^\n]*96/);
    rmSync(outDir, { recursive: true, force: true });
    rmSync(`${outDir}-cache`, { recursive: true, force: true });
    expect(existsSync(outDir)).toBe(false);
    writeFileSync(join(shots, 'README.txt'), `Screenshots of the desk e2e run, ${new Date().toISOString()}\n`);
  });
});
