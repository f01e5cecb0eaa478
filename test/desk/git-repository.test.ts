/**
 * Publishing with the real git into a real temporary repository that pushes
 * to a real bare remote: what lands on the remote, who is named, and that a
 * failure anywhere leaves the repository exactly as it was.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { commitPublication, publicationHistory, revertPublication, type Person } from '../../desk/git-repository.ts';

const editor: Person = { name: '张三', email: 'zhangsan@example.org' };
const reviewer: Person = { name: '李四', email: 'lisi@example.org' };
const ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Setup',
  GIT_AUTHOR_EMAIL: 'setup@example.org',
  GIT_COMMITTER_NAME: 'Setup',
  GIT_COMMITTER_EMAIL: 'setup@example.org',
};

let work: string;
let repo: string;
let remote: string;

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: ENV, encoding: 'utf8' }).trim();
}

/** Every file of the work tree plus what `git status` says: equal snapshots mean nothing changed. */
function snapshot(): { head: string; status: string; files: string } {
  return {
    head: git(repo, 'rev-parse', 'HEAD'),
    status: git(repo, 'status', '--porcelain', '--untracked-files=all', '--ignored'),
    files: git(repo, 'ls-files', '-s'),
  };
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'desk-git-'));
  remote = join(work, 'remote.git');
  repo = join(work, 'repo');
  git(work, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
  git(work, 'init', '--quiet', '--initial-branch=main', repo);
  mkdirSync(join(repo, 'content', 'briefings'), { recursive: true });
  writeFileSync(join(repo, 'content', 'briefings', 'old.mdx'), '---\ntitle: 旧简报\n---\n\n正文\n');
  writeFileSync(join(repo, 'README.md'), 'site\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'Initial content');
  git(repo, 'remote', 'add', 'origin', remote);
  git(repo, 'push', '--quiet', 'origin', 'main');
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

const newBriefing = { path: 'content/briefings/new-issue.mdx', text: '---\ntitle: 新简报\n---\n\n新的正文\n' };
const changedBriefing = { path: 'content/briefings/old.mdx', text: '---\ntitle: 旧简报（修订）\n---\n\n正文\n' };

test('a publication lands on the remote, authored by the editor, with the reviewer and the draft named', async () => {
  const result = await commitPublication({
    repoDir: repo,
    files: [newBriefing, changedBriefing],
    message: '发布简报：新简报',
    editor,
    reviewer,
    remote: 'origin',
    draftId: 'draft-1',
  });
  expect(result).toMatchObject({ ok: true, pushed: true });
  const commit = (result as { commit: string }).commit;
  expect(git(remote, 'rev-parse', 'main')).toBe(commit);
  expect(git(remote, 'log', '-1', '--format=%an <%ae>', 'main')).toBe('张三 <zhangsan@example.org>');
  expect(git(remote, 'log', '-1', '--format=%cn', 'main')).toBe('发布台');
  expect(git(remote, 'log', '-1', '--format=%(trailers:key=Reviewed-by,valueonly)', 'main')).toBe('李四 <lisi@example.org>');
  expect(git(remote, 'log', '-1', '--format=%(trailers:key=Desk-Draft,valueonly)', 'main')).toBe('draft-1');
  expect(git(remote, 'show', 'main:content/briefings/new-issue.mdx')).toContain('新的正文');
  expect(git(remote, 'show', 'main:content/briefings/old.mdx')).toContain('旧简报（修订）');
  expect(git(repo, 'status', '--porcelain')).toBe('');
});

test('a push the remote rejects leaves no commit and the tree as it was', async () => {
  const hook = join(remote, 'hooks', 'pre-receive');
  writeFileSync(hook, '#!/bin/sh\necho "refused by policy" >&2\nexit 1\n');
  chmodSync(hook, 0o755);
  const before = snapshot();
  const result = await commitPublication({
    repoDir: repo,
    files: [newBriefing, { path: 'content/tables/new-table.csv', text: 'a\n1\n' }, changedBriefing],
    message: '发布',
    editor,
    reviewer,
    remote: 'origin',
  });
  expect(result).toMatchObject({ ok: false, step: 'push' });
  expect((result as { message: string }).message).toContain('refused by policy');
  expect(snapshot()).toEqual(before);
  expect(existsSync(join(repo, 'content', 'briefings', 'new-issue.mdx'))).toBe(false);
  expect(existsSync(join(repo, 'content', 'tables'))).toBe(false);
  expect(readFileSync(join(repo, 'content', 'briefings', 'old.mdx'), 'utf8')).toContain('title: 旧简报\n');
});

test('a remote that moved ahead refuses the push, and nothing is left behind', async () => {
  const other = join(work, 'other');
  git(work, 'clone', '--quiet', remote, other);
  writeFileSync(join(other, 'content', 'briefings', 'elsewhere.mdx'), '---\ntitle: 别处\n---\n');
  git(other, 'add', '.');
  git(other, 'commit', '--quiet', '-m', 'Elsewhere');
  git(other, 'push', '--quiet', 'origin', 'main');
  const before = snapshot();
  const result = await commitPublication({ repoDir: repo, files: [newBriefing], message: '发布', editor, reviewer, remote: 'origin' });
  expect(result).toMatchObject({ ok: false, step: 'push' });
  expect(snapshot()).toEqual(before);
});

test('an unreachable remote fails the push without waiting for a password', async () => {
  const before = snapshot();
  const result = await commitPublication({
    repoDir: repo,
    files: [newBriefing],
    message: '发布',
    editor,
    reviewer,
    remote: join(work, 'missing.git'),
  });
  expect(result).toMatchObject({ ok: false, step: 'push' });
  expect(snapshot()).toEqual(before);
});

test('a write outside content/, or through .., is refused and nothing is written', async () => {
  const before = snapshot();
  for (const path of [
    'README.md',
    'src/pages/index.astro',
    'content/../README.md',
    'content/briefings/../../x.mdx',
    '/etc/passwd',
    'content/.git/config',
  ]) {
    const result = await commitPublication({ repoDir: repo, files: [newBriefing, { path, text: 'x' }], message: '发布', editor, reviewer });
    expect(result, path).toMatchObject({ ok: false, step: 'write' });
    expect((result as { message: string }).message).toContain('content/');
  }
  expect(snapshot()).toEqual(before);
});

test('publishing into a work tree with changes of its own is refused, and those changes are kept', async () => {
  writeFileSync(join(repo, 'README.md'), 'local edit\n');
  const result = await commitPublication({ repoDir: repo, files: [newBriefing], message: '发布', editor, reviewer });
  expect(result).toMatchObject({ ok: false, step: 'write' });
  expect((result as { message: string }).message).toContain('README.md');
  expect(readFileSync(join(repo, 'README.md'), 'utf8')).toBe('local edit\n');
  expect(existsSync(join(repo, 'content', 'briefings', 'new-issue.mdx'))).toBe(false);
});

test('history lists each publication with editor, reviewer and date; a withdrawal reverts the files and shows in history', async () => {
  const first = await commitPublication({
    repoDir: repo,
    files: [newBriefing],
    message: '发布简报：新简报',
    editor,
    reviewer,
    remote: 'origin',
    draftId: 'd1',
  });
  expect(first.ok).toBe(true);
  const published = (first as { commit: string }).commit;
  let history = await publicationHistory(repo);
  expect(history).toHaveLength(1);
  expect(history[0]).toMatchObject({ commit: published, subject: '发布简报：新简报', editor, reviewer, draft: 'd1' });
  expect(new Date(history[0]!.date).getTime()).toBeGreaterThan(Date.now() - 60_000);

  const withdrawer: Person = { name: '王五', email: 'wangwu@example.org' };
  const withdrawal = await revertPublication({ repoDir: repo, commit: published, editor: withdrawer, reviewer, remote: 'origin' });
  expect(withdrawal).toMatchObject({ ok: true, pushed: true });
  expect(existsSync(join(repo, 'content', 'briefings', 'new-issue.mdx'))).toBe(false);
  expect(git(remote, 'ls-tree', '-r', '--name-only', 'main')).not.toContain('new-issue.mdx');

  history = await publicationHistory(repo);
  expect(history.map((entry) => entry.subject)).toEqual(['撤回：发布简报：新简报', '发布简报：新简报']);
  expect(history[0]).toMatchObject({ withdraws: published, editor: withdrawer, reviewer });
  expect(history[1]).toMatchObject({ commit: published, withdrawnBy: (withdrawal as { commit: string }).commit });

  const again = await revertPublication({ repoDir: repo, commit: published, editor: withdrawer, reviewer });
  expect(again).toMatchObject({ ok: false });
  expect((again as { message: string }).message).toContain('已经被撤回');
});

test('a withdrawal whose push is rejected leaves no commit and the files in place', async () => {
  const first = await commitPublication({ repoDir: repo, files: [newBriefing], message: '发布', editor, reviewer, remote: 'origin' });
  const hook = join(remote, 'hooks', 'pre-receive');
  writeFileSync(hook, '#!/bin/sh\nexit 1\n');
  chmodSync(hook, 0o755);
  const before = snapshot();
  const result = await revertPublication({
    repoDir: repo,
    commit: (first as { commit: string }).commit,
    editor,
    reviewer,
    remote: 'origin',
  });
  expect(result).toMatchObject({ ok: false, step: 'push' });
  expect(snapshot()).toEqual(before);
  expect(existsSync(join(repo, 'content', 'briefings', 'new-issue.mdx'))).toBe(true);
  expect(existsSync(join(repo, '.git', 'REVERT_HEAD'))).toBe(false);
});

test('commits that touch files outside content/ cannot be withdrawn from the desk', async () => {
  const before = snapshot();
  const result = await revertPublication({ repoDir: repo, commit: before.head, editor, reviewer });
  expect(result).toMatchObject({ ok: false });
  expect((result as { message: string }).message).toContain('README.md');
  expect(snapshot()).toEqual(before);
});
