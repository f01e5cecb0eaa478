/**
 * `npm run desk:user -- add <username> --name 张三 --email a@b --role editor,reviewer [--accounts <file>] [--data <folder>]`
 * adds (or replaces) a desk account. The password is read from standard input:
 * typed without echo at a terminal, or piped (one line) by scripts and tests.
 * `npm run desk:user -- list` shows the accounts without their hashes.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { accountProblem, hashPassword, passwordProblem, readAccounts, writeAccounts, type Account } from '../desk/accounts.ts';
import type { Role } from '../src/lib/desk/review-workflow.ts';

const USAGE =
  '用法：npm run desk:user -- add <用户名> --name 张三 --email zhangsan@example.gov.cn --role editor,reviewer [--accounts 账号文件]\n      npm run desk:user -- list [--accounts 账号文件]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** One line from stdin; at a terminal the typed characters are not shown. */
async function readPassword(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of input) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  return new Promise((done) => {
    let typed = '';
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          process.stderr.write('\n');
          done(typed);
          return;
        }
        if (char === '\u0003') fail('\n已取消。');
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    input.on('data', onData);
  });
}

const { positionals, values } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        email: { type: 'string' },
        role: { type: 'string' },
        accounts: { type: 'string' },
        data: { type: 'string', default: '.desk' },
      },
    });
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
})();
const [command, username] = positionals;
const accountsPath = resolve(values.accounts ?? join(values.data, 'accounts.json'));
const existing: Account[] = existsSync(accountsPath) ? readAccounts(accountsPath) : [];

if (command === 'list') {
  for (const a of existing) console.log(`${a.username}\t${a.name}\t${a.email}\t${a.roles.join(',')}`);
  process.exit(0);
}
if (command !== 'add' || !username) fail(USAGE);
const details = {
  username,
  name: values.name ?? '',
  email: values.email ?? '',
  roles: (values.role ?? '')
    .split(/[,，]/)
    .map((r) => r.trim())
    .filter(Boolean),
};
const problem = accountProblem(details);
if (problem) fail(`${problem}\n${USAGE}`);

const password = await readPassword(`请输入 ${username} 的密码（输入时不显示）：`);
const weak = passwordProblem(password, username);
if (weak) fail(`${weak}没有保存账号。`);
if (process.stdin.isTTY && (await readPassword('请再输入一次：')) !== password) fail('两次输入的密码不一致，没有保存账号。');

const account: Account = { ...details, roles: details.roles as Role[], password: await hashPassword(password) };
writeAccounts(accountsPath, [...existing.filter((a) => a.username !== username), account]);
console.log(
  `${existing.some((a) => a.username === username) ? '已更新' : '已添加'}账号 ${username}（${details.name}，${details.roles.join('、')}），账号文件：${accountsPath}`,
);
