/**
 * The desk's HTTP surface in-process (Hono's app.request): login, sessions,
 * CSRF, headers, upload refusals and concurrent saves. No browser, no git
 * remote: the e2e test (desk.e2e.test.ts) drives the whole publication.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes, scryptSync } from 'node:crypto';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Account, PasswordHash } from '../../desk/accounts.ts';
import { createDeskApp } from '../../desk/app.ts';
import { PROJECT_ROOT } from '../support/astro-build.ts';
import { temporaryFolder } from '../support/temporary-folder.ts';
import { briefingDraft } from '../support/desk-drafts.ts';
import { briefingDocument } from '../fixtures/docx/make-docx.ts';
import { Packer } from 'docx';

const ORIGIN = 'http://127.0.0.1:4330';
const PASSWORD = 'slow-river-41-tea';

function tempRepo(): string {
  const repo = temporaryFolder('desk-app-repo-');
  cpSync(join(PROJECT_ROOT, 'content'), join(repo, 'content'), { recursive: true });
  return repo;
}

/**
 * A password hash stored at a lower scrypt cost, as an accounts file written
 * before the cost was raised would hold it: the cost is stored beside the hash
 * and verifyPassword reads it from there. Each login here then takes a
 * millisecond instead of a tenth of a second (some 25 logins); the hash at
 * full cost is tested in accounts.test.ts.
 */
function lowCostHash(password: string): PasswordHash {
  const cost = { N: 2 ** 10, r: 8, p: 1 };
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, 64, cost);
  return { algorithm: 'scrypt', salt: salt.toString('base64'), hash: hash.toString('base64'), ...cost };
}

const accounts: Account[] = [
  { username: 'zhangsan', name: '张三', email: 'zs@example.gov.cn', roles: ['editor'], password: lowCostHash(PASSWORD) },
  { username: 'lisi', name: '李四', email: 'ls@example.gov.cn', roles: ['reviewer'], password: lowCostHash(PASSWORD) },
];

function desk(options: { trustProxy?: boolean } = {}) {
  const dataDir = temporaryFolder('desk-app-data-');
  const made = createDeskApp({ repoDir: tempRepo(), dataDir, accounts, ...options });
  const draftFiles = () => readdirSync(join(dataDir, 'drafts'));
  return { ...made, dataDir, draftFiles };
}

const cookieOf = (response: Response) => /desk_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
const csrfOf = (body: string) => /name="(?:_csrf|csrf-token)" (?:value|content)="([^"]+)"/.exec(body)?.[1];

type App = ReturnType<typeof desk>['app'];

async function login(app: App, username: string, password = PASSWORD): Promise<{ response: Response; cookie?: string; csrf?: string }> {
  const page = await app.request(`${ORIGIN}/login`);
  const anonymous = cookieOf(page)!;
  const form = new URLSearchParams({ _csrf: csrfOf(await page.text())!, username, password });
  const response = await app.request(`${ORIGIN}/login`, {
    method: 'POST',
    body: form,
    headers: { cookie: `desk_session=${anonymous}`, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
  });
  const cookie = cookieOf(response);
  if (!cookie) return { response };
  const home = await app.request(`${ORIGIN}/`, { headers: { cookie: `desk_session=${cookie}` } });
  return { response, cookie, csrf: csrfOf(await home.text()) };
}

const CHANGES = [
  '/drafts',
  '/drafts/longnan-jianbao-2023-04/save',
  '/drafts/longnan-jianbao-2023-04/validate',
  '/drafts/longnan-jianbao-2023-04/submit',
  '/drafts/longnan-jianbao-2023-04/approve',
  '/drafts/longnan-jianbao-2023-04/return',
  '/drafts/longnan-jianbao-2023-04/discard',
  `/history/${'a'.repeat(40)}/withdraw`,
  '/releases/r1/activate',
];

// Some cases log in several times and import a Word file; on a busy shared machine that is slow.
const SLOW = { timeout: 60_000 };

describe('desk security', SLOW, () => {
  test('without a session every page redirects to the login and every change is refused with 401', async () => {
    const { app, draftFiles } = desk();
    // Including addresses no route serves and the release list: nothing but the login page and its assets answers without a session.
    for (const path of ['/', '/drafts/longnan-jianbao-2023-04', '/history', '/releases', '/preview/briefings/x/', '/no-such-page']) {
      const response = await app.request(`${ORIGIN}${path}`);
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location')).toBe('/login');
    }
    for (const path of CHANGES) {
      const response = await app.request(`${ORIGIN}${path}`, {
        method: 'POST',
        body: new URLSearchParams({ version: '1' }),
        headers: { origin: ORIGIN },
      });
      expect(response.status, path).toBe(401);
      expect(await response.text()).toContain('没有登录');
    }
    expect(draftFiles()).toEqual([]);
  });

  test("with a session but without the CSRF token (or with another session's) every change is refused with 403", async () => {
    const { app, draftFiles } = desk();
    const { cookie, csrf } = await login(app, 'zhangsan');
    const other = await login(app, 'lisi');
    expect(cookie && csrf && other.csrf).toBeTruthy();
    for (const path of CHANGES) {
      for (const token of [undefined, other.csrf]) {
        const body = new FormData();
        body.set('version', '1');
        if (token) body.set('_csrf', token);
        const response = await app.request(`${ORIGIN}${path}`, {
          method: 'POST',
          body,
          headers: { cookie: `desk_session=${cookie}`, origin: ORIGIN },
        });
        expect(response.status, path).toBe(403);
        expect(await response.text()).toContain('缺少安全校验码');
      }
    }
    // A request from another site is refused even with the right token.
    const crossSite = await app.request(`${ORIGIN}/drafts`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: csrf! }),
      headers: { cookie: `desk_session=${cookie}`, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(crossSite.status).toBe(403);
    const fetchSite = await app.request(`${ORIGIN}/drafts`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: csrf! }),
      headers: { cookie: `desk_session=${cookie}`, 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(fetchSite.status).toBe(403);
    expect(draftFiles()).toEqual([]);
  });

  test('the session cookie is HttpOnly, SameSite=Strict, Path=/, Secure only over HTTPS; login rotates it and logout ends it', async () => {
    const { app } = desk({ trustProxy: true });
    const plain = await app.request(`${ORIGIN}/login`);
    const flags = plain.headers.get('set-cookie')!;
    expect(flags).toMatch(/HttpOnly/);
    expect(flags).toMatch(/SameSite=Strict/);
    expect(flags).toMatch(/Path=\//);
    expect(flags).not.toMatch(/Secure/);
    expect((await app.request('https://desk.example/login')).headers.get('set-cookie')).toMatch(/Secure/);
    expect((await app.request(`${ORIGIN}/login`, { headers: { 'x-forwarded-proto': 'https' } })).headers.get('set-cookie')).toMatch(
      /Secure/,
    );

    const anonymous = cookieOf(plain)!;
    const { response, cookie, csrf } = await login(app, 'zhangsan');
    expect(response.status).toBe(303);
    expect(cookie).not.toBe(anonymous);
    const home = await app.request(`${ORIGIN}/`, { headers: { cookie: `desk_session=${cookie}` } });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('张三');
    const logout = await app.request(`${ORIGIN}/logout`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: csrf! }),
      headers: { cookie: `desk_session=${cookie}`, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(logout.status).toBe(303);
    expect((await app.request(`${ORIGIN}/`, { headers: { cookie: `desk_session=${cookie}` } })).status).toBe(303);
  });

  test('a forwarded https header is ignored unless the proxy is trusted', async () => {
    const { app } = desk();
    expect((await app.request(`${ORIGIN}/login`, { headers: { 'x-forwarded-proto': 'https' } })).headers.get('set-cookie')).not.toMatch(
      /Secure/,
    );
  });

  test('after five wrong passwords the user name is locked for 15 minutes, with a Chinese message', async () => {
    const { app } = desk();
    for (let i = 0; i < 5; i++) expect((await login(app, 'zhangsan', 'wrong-password-1')).response.status).toBe(403);
    const locked = await login(app, 'zhangsan');
    expect(locked.response.status).toBe(429);
    expect(await locked.response.text()).toContain('登录失败次数过多，请 15 分钟后再试');
    expect(locked.cookie).toBeUndefined();
  });

  test('every desk page has a strict CSP without inline scripts or styles, and is neither cached nor framed by other sites', async () => {
    const { app } = desk();
    const { cookie } = await login(app, 'zhangsan');
    for (const path of ['/login', '/', '/history']) {
      const response = await app.request(`${ORIGIN}${path}`, { headers: path === '/login' ? {} : { cookie: `desk_session=${cookie}` } });
      expect(response.status, path).toBe(200);
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = await response.text();
      expect(body).not.toMatch(/<script(?![^>]*\bsrc=)/);
      expect(body).not.toMatch(/style=|<style/);
    }
    expect((await app.request(`${ORIGIN}/static/desk.css`)).status).toBe(200);
    expect((await app.request(`${ORIGIN}/static/..%2fapp.ts`)).status).toBe(404);
    expect((await app.request(`${ORIGIN}/static/desk-app.ts`)).status).toBe(404);
  });

  test('ids outside the one id pattern are refused before any file is looked up', async () => {
    const { app } = desk();
    const { cookie } = await login(app, 'zhangsan');
    for (const id of ['..%2faccounts', 'Longnan', 'a_b', 'a.json', '-a']) {
      expect((await app.request(`${ORIGIN}/drafts/${id}`, { headers: { cookie: `desk_session=${cookie}` } })).status, id).toBe(404);
    }
  });
});

describe('desk uploads', SLOW, () => {
  async function upload(file: File, fields: Record<string, string>, size?: number) {
    const made = desk();
    const { cookie, csrf } = await login(made.app, 'zhangsan');
    const body = new FormData();
    body.set('_csrf', csrf!);
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    body.set('file', file);
    const headers: Record<string, string> = { cookie: `desk_session=${cookie}`, origin: ORIGIN };
    if (size) headers['content-length'] = String(size);
    const response = await made.app.request(`${ORIGIN}/drafts`, { method: 'POST', body, headers });
    return { response, text: await response.text(), drafts: made.draftFiles(), dataDir: made.dataDir };
  }

  test('a body over 20 MB is refused from its declared length, before it is read', async () => {
    const made = desk();
    const { cookie, csrf } = await login(made.app, 'zhangsan');
    let pulled = 0;
    const body = new ReadableStream({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024 * 1024));
        if (pulled > 40) controller.close();
      },
    });
    const response = await made.app.request(`${ORIGIN}/drafts`, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: {
        cookie: `desk_session=${cookie}`,
        origin: ORIGIN,
        'x-csrf-token': csrf!,
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(30 * 1024 * 1024),
      },
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('不能超过 20 MB');
    expect(pulled).toBeLessThanOrEqual(1);
    expect(made.draftFiles()).toEqual([]);
  });

  test('a body over 20 MB without a declared length is cut off while it streams in', async () => {
    const { response, text, drafts } = await upload(new File([new Uint8Array(21 * 1024 * 1024)], 'big.docx'), {
      type: 'briefing',
      region: 'longnan',
    });
    expect(response.status).toBe(413);
    expect(text).toContain('20 MB');
    expect(drafts).toEqual([]);
  });

  test.each([
    ['a renamed .exe', new File([new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff])], '简报.docx')],
    ['an empty file', new File([], '简报.docx')],
    ['a corrupt .docx', new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9])], '简报.docx')],
  ])('%s is refused with a Chinese message and no draft is written', async (_name, file) => {
    const { response, text, drafts } = await upload(file, { type: 'briefing', region: 'longnan' });
    expect(response.status).toBe(422);
    expect(text).toContain('第1步：检查文件失败');
    expect(text).toContain('没有生成草稿');
    expect(text).toMatch(/[\u4e00-\u9fff]{4,}/);
    expect(drafts).toEqual([]);
  });

  test('a Word briefing with a photo: the draft says the image is not published with it, instead of implying it was kept', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const bytes = new Uint8Array(await Packer.toBuffer(briefingDocument({ image: png })));
    const { response, drafts, dataDir } = await upload(new File([bytes], '龙南简报第4期.docx'), { type: 'briefing', region: 'longnan' });
    expect(response.status).toBe(303);
    const saved = drafts.filter((name) => name.endsWith('.json'));
    expect(saved).toHaveLength(1);
    const draft = JSON.parse(readFileSync(join(dataDir, 'drafts', saved[0]!), 'utf8')) as { review: { toCheck: string[] } };
    expect(draft.review.toCheck.join('\n')).toContain('这份 Word 文件里有 1 张图片，不会随草稿发布');
  });

  test('a task list without region and source policy names what is missing and where to choose it', async () => {
    const csv = '序号,指标名称,工作举措,牵头单位,完成时限\n1,开办企业,推行一网通办,市市场监管局,2024-06-30\n';
    const { response, text, drafts } = await upload(new File([csv], '任务清单.csv'), { type: 'tasks', newList: 'longnan-2024-renwu' });
    expect(response.status).toBe(422);
    expect(text).toContain('没有选择地区：请在上传区的“地区”下拉框中选择');
    expect(text).toContain('没有选择来源政策：请在上传区的“来源政策”下拉框中选择');
    expect(text).not.toContain('应为小写拼音');
    expect(drafts).toEqual([]);
  });
});

test(
  'two staff saving the same draft: the second save is refused with 409 已被他人修改 and their input comes back in the form',
  SLOW,
  async () => {
    const { app, drafts } = desk();
    const mdx = readFileSync(join(PROJECT_ROOT, 'content', 'briefings', 'longnan-jianbao-2023-03.mdx'), 'utf8')
      .replace('issue: 3', 'issue: 4')
      .replace('第3期', '第4期');
    drafts.create(briefingDraft('longnan-jianbao-2023-04', mdx));
    const first = await login(app, 'zhangsan');
    const second = await login(app, 'zhangsan');
    const save = (who: typeof first, title: string) =>
      app.request(`${ORIGIN}/drafts/longnan-jianbao-2023-04/save`, {
        method: 'POST',
        body: new URLSearchParams({ _csrf: who.csrf!, version: '1', 'fm.title': title }),
        headers: { cookie: `desk_session=${who.cookie}`, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      });
    expect((await save(first, '第4期 甲的标题')).status).toBe(303);
    const refused = await save(second, '第4期 乙的标题');
    expect(refused.status).toBe(409);
    const page = await refused.text();
    expect(page).toContain('已被他人修改');
    expect(page).toContain('value="第4期 乙的标题"');
    expect(drafts.get('longnan-jianbao-2023-04')?.version).toBe(2);
    expect(drafts.get('longnan-jianbao-2023-04')?.changes[0]).toMatchObject({ text: expect.stringContaining('第4期 甲的标题') });
  },
);

test('a submitted draft is locked, and only a reviewer who did not edit it may approve it', SLOW, async () => {
  const { app, drafts } = desk();
  drafts.create({ ...briefingDraft('longnan-jianbao-2023-04'), state: 'in-review' });
  const editor = await login(app, 'zhangsan');
  const post = (who: typeof editor, action: string, fields: Record<string, string> = {}) =>
    app.request(`${ORIGIN}/drafts/longnan-jianbao-2023-04/${action}`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: who.csrf!, version: '1', ...fields }),
      headers: { cookie: `desk_session=${who.cookie}`, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    });
  const save = await post(editor, 'save', { 'fm.title': '改' });
  expect(save.status).toBe(403);
  expect(await save.text()).toContain('已锁定');
  const approve = await post(editor, 'approve');
  expect(approve.status).toBe(403);
  expect(await approve.text()).toContain('没有“审核”权限');
  const reviewer = await login(app, 'lisi');
  const noComment = await post(reviewer, 'return', { comment: ' ' });
  expect(noComment.status).toBe(422);
  expect(await noComment.text()).toContain('退回修改必须写明意见');
  expect((await post(reviewer, 'return', { comment: '请核对第二段的数字' })).status).toBe(303);
  const returned = drafts.get('longnan-jianbao-2023-04')!;
  expect(returned.state).toBe('returned');
  expect(returned.comments).toEqual([{ who: '李四', when: expect.any(String), text: '请核对第二段的数字' }]);
});

test('single-user mode: on loopback without accounts the one user is both editor and reviewer, as every page says', SLOW, async () => {
  const { app } = createDeskApp({
    repoDir: tempRepo(),
    dataDir: temporaryFolder('desk-app-data-'),
    localUser: { name: '王五', email: 'ww@example.gov.cn' },
  });
  const home = await app.request(`${ORIGIN}/`);
  expect(home.status).toBe(200);
  const text = await home.text();
  expect(text).toContain('单人模式');
  expect(text).toContain('王五（编辑、审核）');
  // Changes still need the page's token.
  const cookie = cookieOf(home);
  expect(
    (
      await app.request(`${ORIGIN}/drafts`, {
        method: 'POST',
        body: new FormData(),
        headers: { cookie: `desk_session=${cookie}`, origin: ORIGIN },
      })
    ).status,
  ).toBe(403);
});

test('on a non-loopback address without an accounts file the desk refuses to start, in Chinese', SLOW, () => {
  const repo = tempRepo();
  const result = spawnSync(
    process.execPath,
    [join(PROJECT_ROOT, 'desk', 'server.ts'), '--host', '0.0.0.0', '--port', '0', '--repo', repo, '--no-preview'],
    { encoding: 'utf8', timeout: 50_000 },
  );
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('发布台没有启动');
  expect(result.stderr).toContain('账号文件');
  expect(result.stdout).not.toContain('已启动');
});
