/**
 * Publishing an approved draft, in the order docs/desk.md describes: check the
 * content as it will be, build the release (single-server mode), commit and
 * push, then make the release live. A withdrawal reverts its publication's
 * commit. Each failure says which step failed and that nothing was changed.
 */
import { formatIssue, type ContentIssue } from '../src/lib/content/content-issue.ts';
import type { ContentFile } from '../src/lib/content/content-model.ts';
import { validateContent } from '../src/lib/content/validate-content.ts';
import { applyChanges, changedFiles, withoutDraftMark } from '../src/lib/desk/draft-changes.ts';
import { effectiveChanges } from './draft-form.ts';
import type { Draft } from './draft-store.ts';
import { commitPublication, revertPublication, type Person } from './git-repository.ts';
import { activateRelease, buildRelease } from './site-release.ts';
import type { Failure } from './views/layout.ts';

/** Where publications go: the repository, its remote, and the releases folder of single-server mode. */
export interface PublishConfig {
  repoDir: string;
  remote?: string | undefined;
  webRoot?: string | undefined;
}

const KIND_LABELS: Record<Draft['kind'], string> = { briefing: '工作简报', policy: '政策文件', table: '数据表', withdrawal: '撤回' };
const GIT_STEPS = { write: '写入文件', commit: '提交到版本库', push: '推送到远程仓库' } as const;

/** The publish order of DESK.md: unmark, apply, check everything, build (web root), commit and push, go live. */
export async function publishDraft(
  draft: Draft,
  editor: Person,
  reviewer: Person,
  config: PublishConfig,
  readContent: () => ContentFile[],
): Promise<{ ok: true; commit: string; pushed: boolean; note?: string } | { ok: false; failure: Failure }> {
  if (draft.kind === 'withdrawal') {
    const commit = 'withdraws' in draft.target ? draft.target.withdraws : '';
    const reverted = await revertPublication({
      repoDir: config.repoDir,
      commit,
      editor,
      reviewer,
      ...(config.remote ? { remote: config.remote } : {}),
    });
    if (!reverted.ok)
      return {
        ok: false,
        failure: {
          step: `第1步：撤回（${GIT_STEPS[reverted.step]}）`,
          messages: [reverted.message],
          outcome: '没有提交任何改动，版本库和网站保持原样。',
        },
      };
    const note = config.webRoot ? await rebuildLive(config, readContent()) : undefined;
    return { ok: true, commit: reverted.commit, pushed: reverted.pushed, ...(note ? { note } : {}) };
  }
  const changes = withoutDraftMark(effectiveChanges(draft));
  const content = readContent();
  const after = applyChanges(content, changes);
  const files = changedFiles(content, changes).map((f) => ({ path: `content/${f.path}`, text: f.text }));
  if (files.length === 0)
    return { ok: false, failure: { step: '第1步：内容检查', messages: ['这份稿件和网站现有内容完全相同，没有需要发布的改动。'] } };
  // With a web root, the build checks the content first, with the same validation and reusing what it read last
  // time; checking it here as well took 4 s of each publication at province scale.
  const issues = config.webRoot ? [] : validateContent(after, 'content').issues;
  if (issues.length > 0) return { ok: false, failure: contentFailure(issues) };
  let release: string | undefined;
  if (config.webRoot) {
    const built = await buildRelease({ repoDir: config.repoDir, releasesDir: config.webRoot, content: after });
    if (!built.ok && built.issues) return { ok: false, failure: contentFailure(built.issues) };
    if (!built.ok)
      return {
        ok: false,
        failure: {
          step: '第2步：生成网站',
          messages: [built.message, built.output.split('\n').slice(-8).join('\n')],
          outcome: '没有提交任何改动，网站仍是原来的版本。',
        },
      };
    release = built.id;
  }
  const message = `${KIND_LABELS[draft.kind]}：${draft.title}`;
  const committed = await commitPublication({
    repoDir: config.repoDir,
    files,
    message,
    editor,
    reviewer,
    draftId: draft.id,
    ...(config.remote ? { remote: config.remote } : {}),
  });
  if (!committed.ok)
    return {
      ok: false,
      failure: {
        step: `第3步：${GIT_STEPS[committed.step]}`,
        messages: [committed.message],
        outcome: '没有提交任何改动，版本库的文件已恢复原样，网站仍是原来的版本。',
      },
    };
  let note: string | undefined;
  if (release && config.webRoot) {
    try {
      await activateRelease(config.webRoot, release);
    } catch (error) {
      note = `内容已提交，但切换网站版本失败（${error instanceof Error ? error.message : String(error)}）：请到“网站版本”页面手动切换。`;
    }
  }
  return { ok: true, commit: committed.commit, pushed: committed.pushed, ...(note ? { note } : {}) };
}

function contentFailure(issues: readonly ContentIssue[]): Failure {
  return {
    step: '第1步：内容检查',
    messages: issues.slice(0, 20).map(formatIssue),
    outcome: '没有提交任何改动，版本库和网站保持原样；稿件仍在审核中。',
  };
}

/** After a withdrawal in web-root mode: build the repository as it now is and make it live. */
async function rebuildLive(config: PublishConfig, content: readonly ContentFile[]): Promise<string | undefined> {
  const built = await buildRelease({ repoDir: config.repoDir, releasesDir: config.webRoot!, content });
  if (!built.ok) return `已撤回并提交，但生成新网站失败（${built.message}），网站仍是撤回前的版本：请联系管理员。`;
  await activateRelease(config.webRoot!, built.id);
  return undefined;
}
