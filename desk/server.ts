/**
 * `npm run desk [-- --port 4330 --host 127.0.0.1 --repo . --data .desk --accounts <file> --remote origin --web-root <dir> --trust-proxy --no-preview]`
 * starts the publishing desk and prints its address. Off loopback it refuses
 * to start without an accounts file; on loopback without one it runs for a
 * single user who is both editor and reviewer.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { readAccounts, type Account } from './accounts.ts';
import { createDeskApp } from './app.ts';
import { startPreviewServer, type PreviewServer } from './preview-server.ts';

const run = promisify(execFile);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Loopback addresses: only this machine can reach the desk. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '4330' },
        host: { type: 'string', default: '127.0.0.1' },
        repo: { type: 'string', default: process.cwd() },
        data: { type: 'string' },
        accounts: { type: 'string' },
        remote: { type: 'string' },
        'web-root': { type: 'string' },
        'trust-proxy': { type: 'boolean', default: false },
        'no-preview': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return fail(`参数有误：${error instanceof Error ? error.message : String(error)}`);
  }
})();

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`端口“${values.port}”不对：应为 0–65535 之间的整数。`);
const repoDir = resolve(values.repo);
if (!existsSync(join(repoDir, 'content'))) fail(`${repoDir} 里没有 content 文件夹：请用 --repo 指向网站的仓库目录。`);
const dataDir = resolve(repoDir, values.data ?? '.desk');
const accountsPath = resolve(values.accounts ?? join(dataDir, 'accounts.json'));
const host = values.host;

let accounts: Account[] | undefined;
if (existsSync(accountsPath)) {
  try {
    accounts = readAccounts(accountsPath);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (accounts.length === 0) fail(`账号文件 ${accountsPath} 里没有账号：请先用 npm run desk:user -- add 添加。`);
} else if (values.accounts) {
  fail(`找不到账号文件 ${accountsPath}。`);
} else if (!isLoopback(host)) {
  fail(
    `发布台没有启动：要在 ${host} 上供多人使用，必须先建立账号文件（${accountsPath}）。\n` +
      '请用 npm run desk:user -- add <用户名> --name 姓名 --email 邮箱 --role editor,reviewer 添加账号；\n' +
      '或者只在本机使用：去掉 --host（默认 127.0.0.1）。',
  );
}

const git = async (args: string[]) => (await run('git', args, { cwd: repoDir }).catch(() => ({ stdout: '' }))).stdout.trim();
const remotes = (await git(['remote'])).split('\n').filter(Boolean);
if (values.remote && !remotes.includes(values.remote))
  fail(`仓库没有名为“${values.remote}”的远程仓库（现有：${remotes.join('、') || '无'}）。`);
const remote = values.remote ?? (remotes.includes('origin') ? 'origin' : undefined);
const localUser = accounts
  ? undefined
  : { name: (await git(['config', 'user.name'])) || '本机用户', email: (await git(['config', 'user.email'])) || 'desk@localhost' };

let preview: PreviewServer | undefined;
if (!values['no-preview']) {
  try {
    preview = await startPreviewServer({ repoDir, workDir: join(dataDir, 'preview') });
  } catch (error) {
    console.error(`预览服务没有启动（${error instanceof Error ? error.message : String(error)}）：发布台照常运行，但稿件页面没有预览。`);
  }
}

const { app } = createDeskApp({
  repoDir,
  dataDir,
  ...(accounts ? { accounts } : {}),
  ...(localUser ? { localUser } : {}),
  ...(remote ? { remote } : {}),
  ...(values['web-root'] ? { webRoot: resolve(values['web-root']) } : {}),
  trustProxy: values['trust-proxy'],
  ...(preview ? { preview } : {}),
});

const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  const shown = host.includes(':') ? `[${host}]` : host;
  console.log(`网站发布台已启动：http://${shown}:${info.port}/`);
  console.log(
    accounts ? `账号文件：${accountsPath}（${accounts.length} 个账号）` : '单人模式：没有账号文件，只能在本机使用，您同时担任编辑和审核。',
  );
  console.log(remote ? `发布后推送到远程仓库：${remote}` : '没有远程仓库：发布只提交到本机仓库。');
});

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  server.close();
  await preview?.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
