import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { accountProblem, authenticate, hashPassword, passwordProblem, readAccounts, verifyPassword } from '../../desk/accounts.ts';
import { PROJECT_ROOT } from '../support/astro-build.ts';
import { temporaryFolder } from '../support/temporary-folder.ts';

describe('desk accounts', () => {
  test('passwords are stored as salted scrypt hashes and checked in constant time', async () => {
    const one = await hashPassword('长城-Great-Wall-2026');
    const two = await hashPassword('长城-Great-Wall-2026');
    expect(one.algorithm).toBe('scrypt');
    expect(one.salt).not.toBe(two.salt);
    expect(one.hash).not.toBe(two.hash);
    expect(JSON.stringify(one)).not.toContain('Great-Wall');
    expect(await verifyPassword('长城-Great-Wall-2026', one)).toBe(true);
    expect(await verifyPassword('长城-Great-Wall-2027', one)).toBe(false);
  });

  test('authenticate finds the user only with the right password, and says nothing about unknown names', async () => {
    const users = [
      {
        username: 'zhangsan',
        name: '张三',
        email: 'zs@example.gov.cn',
        roles: ['editor' as const],
        password: await hashPassword('a-long-secret-9'),
      },
    ];
    expect((await authenticate(users, 'zhangsan', 'a-long-secret-9'))?.name).toBe('张三');
    expect(await authenticate(users, 'zhangsan', 'a-long-secret-8')).toBeUndefined();
    expect(await authenticate(users, 'lisi', 'a-long-secret-9')).toBeUndefined();
  });

  test('weak and empty passwords and malformed accounts are refused in Chinese', () => {
    expect(passwordProblem('', 'zhangsan')).toContain('不能为空');
    expect(passwordProblem('abc12', 'zhangsan')).toContain('太短');
    expect(passwordProblem('aaaaaaaaaaaa', 'zhangsan')).toContain('太简单');
    expect(passwordProblem('zhangsan-2026!', 'zhangsan')).toContain('用户名');
    expect(passwordProblem('1234567890123', 'zhangsan')).toContain('只有数字');
    expect(passwordProblem('slow-river-41-tea', 'zhangsan')).toBeUndefined();
    expect(accountProblem({ username: 'Zhang San', name: '张三', email: 'a@b', roles: ['editor'] })).toContain('用户名');
    expect(accountProblem({ username: 'zhangsan', name: '张三', email: 'a@b', roles: ['admin'] })).toContain('角色');
  });

  test('npm run desk:user adds an account from a piped password, and refuses a weak one', { timeout: 60_000 }, () => {
    const data = temporaryFolder('desk-accounts-');
    const run = (args: string[], input: string) =>
      spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'desk-user.ts'), ...args, '--data', data], { input, encoding: 'utf8' });
    const added = run(
      ['add', 'zhangsan', '--name', '张三', '--email', 'zs@example.gov.cn', '--role', 'editor,reviewer'],
      'slow-river-41-tea\n',
    );
    expect(added.status, added.stderr).toBe(0);
    const weak = run(['add', 'lisi', '--name', '李四', '--email', 'ls@example.gov.cn', '--role', 'reviewer'], '\n');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('密码不能为空');
    const path = join(data, 'accounts.json');
    expect(readAccounts(path).map((a) => [a.username, a.roles])).toEqual([['zhangsan', ['editor', 'reviewer']]]);
    expect(readFileSync(path, 'utf8')).not.toContain('slow-river');
    expect(statSync(path).mode & 0o077).toBe(0);
  });
});
