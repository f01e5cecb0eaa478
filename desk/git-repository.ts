/**
 * Publishing through the real `git`: every approved draft becomes one commit
 * whose author is the editor, whose committer is the desk, and whose
 * `Reviewed-by:` trailer names the reviewer; it is pushed to the remote if
 * there is one. Publishing is all or nothing: if writing, committing or
 * pushing fails, the work tree, the index and HEAD are put back exactly as
 * they were, so staff can try again without a developer.
 *
 * The history page (发布记录) is read back from the same commits' trailers,
 * and a withdrawal (撤回) is a revert commit carrying `Withdraws: <commit>`.
 *
 * git runs through execFile with argument arrays only; it never prompts
 * (GIT_TERMINAL_PROMPT=0), so an unreachable or password-protected remote
 * fails instead of hanging the desk.
 *
 * Why one file: publishing writes the commits and trailers that the history
 * and withdrawals read back, so their format and the all-or-nothing rollback
 * are defined in one place.
 */
import { execFile } from 'node:child_process';
import { lstat, mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ContentFile } from '../src/lib/content/content-model.ts';
import { serialised } from './one-at-a-time.ts';

export interface Person {
  name: string;
  email: string;
}

export type GitResult = { ok: true; commit: string; pushed: boolean } | { ok: false; step: 'write' | 'commit' | 'push'; message: string };

export interface Publication {
  commit: string;
  subject: string;
  editor: Person;
  reviewer: Person;
  /** Author date, ISO 8601 with offset. */
  date: string;
  /** Draft id from the `Desk-Draft:` trailer. */
  draft?: string;
  /** The withdrawal commit that reverted this one. */
  withdrawnBy?: string;
  /** For a withdrawal: the publication it reverted. */
  withdraws?: string;
}

/** Who commits: the desk itself, unless the server is configured otherwise. */
const DESK_COMMITTER: Person = {
  name: process.env.DESK_GIT_NAME || '发布台',
  email: process.env.DESK_GIT_EMAIL || 'desk@localhost',
};

/** Pushing may reach a slow intranet server, never forever. */
const PUSH_TIMEOUT_MS = 120_000;

/** What staff see when a step fails: what happened, and what to do. */
const GIT_MESSAGES = {
  dirty: (files: string) =>
    `网站资料库中有尚未提交的修改（${files}），为避免混入他人的改动，这次没有发布。请联系管理员先处理这些修改，再重新审核通过。`,
  outsideContent: (path: string) => `不能写入“${path}”：发布台只能修改 content/ 文件夹里的内容文件。`,
  write: (detail: string) => `写入内容文件时出错（${detail}），没有发布任何内容，请稍后再试或联系管理员。`,
  nothingToCommit: '这份草稿与网站现有内容完全相同，没有需要发布的修改。',
  commit: (detail: string) => `保存发布记录（git 提交）时出错：${detail}。没有发布任何内容。`,
  push: (detail: string) => `推送到远程仓库失败：${detail}。没有发布任何内容，网站资料库已恢复原样；请稍后重试，或联系管理员检查远程仓库。`,
  revertOutside: (path: string) => `这次发布修改了 content/ 以外的文件（${path}），不能在发布台撤回，请联系管理员。`,
  alreadyWithdrawn: (commit: string) => `这次发布已经被撤回过（撤回记录 ${commit.slice(0, 8)}）。`,
  revertConflict: '这次发布之后，相同的内容又被修改过，无法自动撤回。请联系管理员处理。',
  unknownCommit: (commit: string) => `找不到发布记录 ${commit}。`,
} as const;

interface GitOutput {
  code: number;
  stdout: string;
  stderr: string;
}

function git(
  repoDir: string,
  args: readonly string[],
  options: { input?: string; env?: Record<string, string>; timeout?: number } = {},
): Promise<GitOutput> {
  return new Promise((resolve) => {
    const child = execFile(
      'git',
      args,
      {
        cwd: repoDir,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        timeout: options.timeout ?? 0,
        env: {
          ...process.env,
          GIT_TERMINAL_PROMPT: '0',
          // An ssh remote must fail rather than ask for a password or a host key.
          GIT_SSH_COMMAND: process.env.GIT_SSH_COMMAND ?? 'ssh -o BatchMode=yes',
          LC_ALL: 'C',
          ...options.env,
        },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr: stderr || (error && code !== 0 ? error.message : '') });
      },
    );
    // git may exit before reading its input (e.g. a failing command): that is reported by its exit code.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input ?? '');
  });
}

async function gitOk(repoDir: string, args: readonly string[], options?: Parameters<typeof git>[2]): Promise<string> {
  const result = await git(repoDir, args, options);
  if (result.code !== 0) throw new Error(lastLines(result.stderr || result.stdout));
  return result.stdout;
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' ').trim() || 'git 没有给出原因';
}

const formatPerson = (person: Person) => `${person.name} <${person.email}>`;

/** Names may not smuggle a line break or angle brackets into a header or trailer. */
function cleanPerson(person: Person): Person {
  const clean = (value: string) => value.replace(/[\r\n<>]/g, ' ').trim();
  return { name: clean(person.name), email: clean(person.email) };
}

function parsePerson(text: string): Person {
  const match = /^(.*?)\s*<([^>]*)>\s*$/.exec(text.trim());
  return match ? { name: match[1]!, email: match[2]! } : { name: text.trim(), email: '' };
}

/** A path the desk may write: `content/…`, relative, no `..`, no empty or hidden tricks. */
function isContentPath(path: string): boolean {
  if (!path.startsWith('content/') || path.includes('\\') || path.includes('\0')) return false;
  const parts = path.split('/');
  return parts.length >= 2 && parts.every((part) => part !== '' && part !== '.' && part !== '..') && !parts.includes('.git');
}

/** Changes git would show (tracked or untracked, not ignored), as a short list, or '' when clean. */
async function uncommittedChanges(repoDir: string): Promise<string> {
  const status = await gitOk(repoDir, ['status', '--porcelain', '--untracked-files=all']);
  const lines = status
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
  return lines.length === 0 ? '' : lines.slice(0, 3).join('、') + (lines.length > 3 ? ` 等 ${lines.length} 个文件` : '');
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Puts the repository back at `head` with a clean tree. Only called after the
 * tree was found clean, so a hard reset loses nothing but the desk's own
 * writes; files the desk created outside the index are removed by name.
 */
async function restore(repoDir: string, head: string, created: readonly string[], createdDirs: readonly string[]): Promise<void> {
  await git(repoDir, ['reset', '--hard', '--quiet', head]);
  for (const path of created) await rm(join(repoDir, path), { force: true });
  for (const dir of [...createdDirs].reverse()) await rmdir(join(repoDir, dir)).catch(() => undefined);
}

function commitEnv(committer: Person): Record<string, string> {
  return { GIT_COMMITTER_NAME: committer.name, GIT_COMMITTER_EMAIL: committer.email };
}

async function currentBranch(repoDir: string): Promise<string> {
  return (await gitOk(repoDir, ['symbolic-ref', '--short', 'HEAD'])).trim();
}

async function push(
  repoDir: string,
  remote: string,
  head: string,
  created: string[] = [],
  createdDirs: string[] = [],
): Promise<GitResult | undefined> {
  let branch: string;
  try {
    branch = await currentBranch(repoDir);
  } catch (error) {
    await restore(repoDir, head, created, createdDirs);
    return { ok: false, step: 'push', message: GIT_MESSAGES.push((error as Error).message) };
  }
  const pushed = await git(repoDir, ['push', '--porcelain', '--', remote, `HEAD:refs/heads/${branch}`], { timeout: PUSH_TIMEOUT_MS });
  if (pushed.code === 0) return undefined;
  await restore(repoDir, head, created, createdDirs);
  return { ok: false, step: 'push', message: GIT_MESSAGES.push(lastLines(pushed.stderr || pushed.stdout)) };
}

/** Checks shared by publishing and withdrawing: a clean tree, and the HEAD to return to. */
async function startingPoint(repoDir: string): Promise<{ head: string } | { failure: GitResult }> {
  try {
    const dirty = await uncommittedChanges(repoDir);
    if (dirty) return { failure: { ok: false, step: 'write', message: GIT_MESSAGES.dirty(dirty) } };
    return { head: (await gitOk(repoDir, ['rev-parse', '--verify', 'HEAD'])).trim() };
  } catch (error) {
    return { failure: { ok: false, step: 'write', message: GIT_MESSAGES.write((error as Error).message) } };
  }
}

/** Who and where, for a publication and a withdrawal alike. */
interface PublishingOptions {
  repoDir: string;
  editor: Person;
  reviewer: Person;
  /** A remote name or address to push to; without it the commit stays local. */
  remote?: string;
  /** The draft's id, recorded as a `Desk-Draft:` trailer. */
  draftId?: string;
  /** The desk's own name as committer; DESK_COMMITTER unless given. */
  committer?: Person;
}

/**
 * Writes the files (paths relative to the repository, all under content/),
 * commits them as the editor with the reviewer's trailer, and pushes.
 */
export function commitPublication(options: PublishingOptions & { files: readonly ContentFile[]; message: string }): Promise<GitResult> {
  const { repoDir, files } = options;
  return serialised(`git:${repoDir}`, async (): Promise<GitResult> => {
    const outside = files.find((file) => !isContentPath(file.path));
    if (outside) return { ok: false, step: 'write', message: GIT_MESSAGES.outsideContent(outside.path) };
    const start = await startingPoint(repoDir);
    if ('failure' in start) return start.failure;
    const { head } = start;

    const created: string[] = [];
    const createdDirs: string[] = [];
    try {
      for (const file of files) {
        const target = join(repoDir, file.path);
        const missingDirs: string[] = [];
        for (let dir = dirname(file.path); dir !== '.' && !(await exists(join(repoDir, dir))); dir = dirname(dir)) missingDirs.unshift(dir);
        for (const dir of missingDirs) {
          await mkdir(join(repoDir, dir));
          createdDirs.push(dir);
        }
        if (!(await exists(target))) created.push(file.path);
        // Write beside and rename, so nothing (a dev server, a build) reads half a file.
        const temporary = join(dirname(target), `.desk-${process.pid}-${Date.now()}.tmp`);
        created.push(temporary.slice(repoDir.length + 1));
        await writeFile(temporary, file.text);
        await rename(temporary, target);
        created.pop();
      }
    } catch (error) {
      await restore(repoDir, head, created, createdDirs);
      return { ok: false, step: 'write', message: GIT_MESSAGES.write((error as Error).message) };
    }

    try {
      await gitOk(repoDir, ['add', '--', ...files.map((file) => file.path)]);
      const staged = await git(repoDir, ['diff', '--cached', '--quiet']);
      if (staged.code === 0) {
        await restore(repoDir, head, created, createdDirs);
        return { ok: false, step: 'commit', message: GIT_MESSAGES.nothingToCommit };
      }
      await commitWithTrailers(repoDir, options.message, options, [['Desk-Draft', options.draftId]]);
    } catch (error) {
      await restore(repoDir, head, created, createdDirs);
      return { ok: false, step: 'commit', message: GIT_MESSAGES.commit((error as Error).message) };
    }
    const commit = (await gitOk(repoDir, ['rev-parse', 'HEAD'])).trim();
    if (options.remote) {
      const failed = await push(repoDir, options.remote, head, created, createdDirs);
      if (failed) return failed;
    }
    return { ok: true, commit, pushed: Boolean(options.remote) };
  });
}

async function commitWithTrailers(
  repoDir: string,
  message: string,
  people: { editor: Person; reviewer: Person; committer?: Person },
  extra: [string, string | undefined][],
): Promise<void> {
  const editor = cleanPerson(people.editor);
  const reviewer = cleanPerson(people.reviewer);
  const trailers = [['Reviewed-by', formatPerson(reviewer)], ...extra]
    .filter((pair): pair is [string, string] => Boolean(pair[1]))
    .flatMap(([key, value]) => ['--trailer', `${key}: ${value.replace(/[\r\n]/g, ' ')}`]);
  await gitOk(
    repoDir,
    [
      '-c',
      'commit.gpgsign=false',
      'commit',
      '--quiet',
      '--no-verify',
      '--cleanup=strip',
      '-F',
      '-',
      `--author=${formatPerson(editor)}`,
      ...trailers,
    ],
    { input: `${message.trim()}\n`, env: commitEnv(cleanPerson(people.committer ?? DESK_COMMITTER)) },
  );
}

const FIELD = '%x1f';
const RECORD = '%x1e';
const LOG_FORMAT =
  [
    '%H',
    '%s',
    '%an',
    '%ae',
    '%aI',
    '%(trailers:key=Reviewed-by,valueonly,separator=%x1d)',
    '%(trailers:key=Desk-Draft,valueonly,separator=%x1d)',
    '%(trailers:key=Withdraws,valueonly,separator=%x1d)',
  ].join(FIELD) + RECORD;

/** Every publication and withdrawal the desk made (commits with a `Reviewed-by:` trailer), newest first. */
export async function publicationHistory(repoDir: string): Promise<Publication[]> {
  const log = await git(repoDir, ['log', `--format=${LOG_FORMAT}`, 'HEAD']);
  // A repository with no commit yet has no history.
  if (log.code !== 0) return [];
  const publications: Publication[] = [];
  for (const record of log.stdout.split('\x1e')) {
    const fields = record.replace(/^\n/, '').split('\x1f');
    if (fields.length < 8) continue;
    const [commit, subject, name, email, date, reviewedBy, draft, withdraws] = fields.map((field) => field.trim()) as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (!reviewedBy) continue;
    publications.push({
      commit,
      subject,
      editor: { name, email },
      reviewer: parsePerson(reviewedBy.split('\x1d')[0]!),
      date,
      ...(draft ? { draft: draft.split('\x1d')[0]! } : {}),
      ...(withdraws ? { withdraws: withdraws.split('\x1d')[0]! } : {}),
    });
  }
  const withdrawals = new Map(publications.filter((entry) => entry.withdraws).map((entry) => [entry.withdraws!, entry.commit]));
  return publications.map((entry) => (withdrawals.has(entry.commit) ? { ...entry, withdrawnBy: withdrawals.get(entry.commit)! } : entry));
}

/**
 * Withdraws a publication: a revert of its commit, committed with the same
 * names and trailers as a publication plus `Withdraws: <commit>`, and pushed.
 */
export function revertPublication(options: PublishingOptions & { commit: string }): Promise<GitResult> {
  const { repoDir } = options;
  return serialised(`git:${repoDir}`, async (): Promise<GitResult> => {
    const resolved = await git(repoDir, ['rev-parse', '--verify', '--quiet', `${options.commit}^{commit}`]);
    if (resolved.code !== 0 || !/^[0-9a-f]{7,64}$/i.test(options.commit))
      return { ok: false, step: 'commit', message: GIT_MESSAGES.unknownCommit(options.commit) };
    const commit = resolved.stdout.trim();
    const paths = (await gitOk(repoDir, ['diff-tree', '--no-commit-id', '--name-only', '-r', '--root', commit]))
      .split('\n')
      .filter(Boolean);
    const outside = paths.find((path) => !isContentPath(path));
    if (outside) return { ok: false, step: 'commit', message: GIT_MESSAGES.revertOutside(outside) };
    const withdrawnBy = (await publicationHistory(repoDir)).find((entry) => entry.withdraws === commit);
    if (withdrawnBy) return { ok: false, step: 'commit', message: GIT_MESSAGES.alreadyWithdrawn(withdrawnBy.commit) };

    const start = await startingPoint(repoDir);
    if ('failure' in start) return start.failure;
    const { head } = start;
    const subject = (await gitOk(repoDir, ['log', '-1', '--format=%s', commit])).trim();
    try {
      const reverted = await git(repoDir, ['revert', '--no-commit', '--no-edit', commit]);
      if (reverted.code !== 0) {
        await restore(repoDir, head, [], []);
        return { ok: false, step: 'commit', message: GIT_MESSAGES.revertConflict };
      }
      await commitWithTrailers(repoDir, `撤回：${subject}\n\nThis reverts commit ${commit}.`, options, [
        ['Desk-Draft', options.draftId],
        ['Withdraws', commit],
      ]);
    } catch (error) {
      await restore(repoDir, head, [], []);
      return { ok: false, step: 'commit', message: GIT_MESSAGES.commit((error as Error).message) };
    }
    const newCommit = (await gitOk(repoDir, ['rev-parse', 'HEAD'])).trim();
    if (options.remote) {
      const failed = await push(repoDir, options.remote, head);
      if (failed) return failed;
    }
    return { ok: true, commit: newCommit, pushed: Boolean(options.remote) };
  });
}
