/**
 * Desk accounts: a JSON file of users, each with a scrypt hash of their
 * password (own random salt, parameters stored beside the hash so they can be
 * raised later), their name and e-mail for git commits, and their roles.
 * The file lives in the data folder (.desk/, ignored by git) or wherever
 * --accounts points; it is never committed.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ID_PATTERN } from '../src/schemas/fields.ts';
import type { Role } from '../src/lib/desk/review-workflow.ts';

export interface PasswordHash {
  algorithm: 'scrypt';
  salt: string;
  hash: string;
  N: number;
  r: number;
  p: number;
}

export interface Account {
  username: string;
  name: string;
  email: string;
  roles: Role[];
  password: PasswordHash;
}

export interface AccountsFile {
  users: Account[];
}

const KEY_LENGTH = 64;
/** N = 2^15, r = 8: about 32 MB and a tenth of a second per check, the cost OWASP suggests for scrypt. */
const COST = { N: 2 ** 15, r: 8, p: 1 };

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, COST);
  return { algorithm: 'scrypt', salt: salt.toString('base64'), hash: hash.toString('base64'), ...COST };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await derive(password, Buffer.from(stored.salt, 'base64'), stored);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of nothing, checked when the user name is unknown so both answers take as long. */
let decoy: Promise<PasswordHash> | undefined;

/** The account whose password this is, or undefined; takes the same time whether or not the user exists. */
export async function authenticate(accounts: readonly Account[], username: string, password: string): Promise<Account | undefined> {
  const account = accounts.find((a) => a.username === username);
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  const ok = await verifyPassword(password, account?.password ?? (await decoy));
  return ok && account ? account : undefined;
}

const COMMON_PASSWORDS = new Set([
  'password',
  'password1',
  '12345678',
  '123456789',
  '1234567890',
  'qwertyuiop',
  'abcd1234',
  'admin123',
  'a123456789',
  'iloveyou',
]);

/** Why a password is too weak to accept, in Chinese, or undefined when it is acceptable. */
export function passwordProblem(password: string, username: string): string | undefined {
  if (password.length === 0) return '密码不能为空。';
  if ([...password].length < 10) return '密码太短：至少 10 个字符。';
  if (new Set(password).size < 4) return '密码太简单：请混用不同的字母、数字和符号。';
  if (password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名。';
  if (COMMON_PASSWORDS.has(password.toLowerCase()) || /^\d+$/.test(password)) return '密码太常见或只有数字，容易被猜中；请换一个。';
  return undefined;
}

/** Why an account's details cannot be accepted, in Chinese, or undefined. */
export function accountProblem(details: { username: string; name: string; email: string; roles: readonly string[] }): string | undefined {
  if (!ID_PATTERN.test(details.username))
    return `用户名“${details.username}”不符合要求：只能用小写拼音字母和数字，词之间用一个连字符，例如 zhangsan。`;
  if (details.name.trim() === '') return '请用 --name 写明姓名（会写入发布记录）。';
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(details.email)) return `电子邮箱“${details.email}”格式不对，例如 zhangsan@example.gov.cn。`;
  if (details.roles.length === 0 || details.roles.some((role) => role !== 'editor' && role !== 'reviewer'))
    return '角色只能是 editor（编辑）、reviewer（审核），或两者：--role editor,reviewer。';
  return undefined;
}

/** The accounts in `path`; throws with a Chinese message when the file is not a valid accounts file. */
export function readAccounts(path: string): Account[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<AccountsFile>;
  if (!Array.isArray(parsed.users)) throw new Error(`账号文件 ${path} 格式不对：缺少 users 列表。`);
  for (const user of parsed.users) {
    const problem = accountProblem(user);
    if (problem || user.password?.algorithm !== 'scrypt')
      throw new Error(`账号文件 ${path} 中的账号“${user.username}”有误：${problem ?? '密码不是 scrypt 散列'}`);
  }
  return parsed.users;
}

/** Writes the accounts atomically (temporary file, then rename), readable by the owner only. */
export function writeAccounts(path: string, users: readonly Account[]): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ users: [...users] } satisfies AccountsFile, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}
