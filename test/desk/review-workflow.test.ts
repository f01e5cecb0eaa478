import { describe, expect, test } from 'vitest';
import {
  allowedActions,
  isEditable,
  permission,
  returnComment,
  withEditor,
  type WorkflowUser,
} from '../../src/lib/desk/review-workflow.ts';

const editor: WorkflowUser = { username: 'zhangsan', roles: ['editor'] };
const reviewer: WorkflowUser = { username: 'lisi', roles: ['reviewer'] };
const both: WorkflowUser = { username: 'wangwu', roles: ['editor', 'reviewer'] };
const team = { singleUser: false };

describe('review workflow', () => {
  test('an editor saves and submits a draft; submitting locks it for review', () => {
    const draft = { state: 'draft' as const, editors: ['zhangsan'] };
    expect(allowedActions(draft, editor, team)).toEqual(['save', 'submit', 'discard']);
    expect(permission('submit', draft, editor, team)).toEqual({ ok: true, next: 'in-review' });
    const locked = { state: 'in-review' as const, editors: ['zhangsan'] };
    const save = permission('save', locked, editor, team);
    expect(save.ok).toBe(false);
    expect(!save.ok && save.reason).toContain('已锁定');
    expect(isEditable('in-review')).toBe(false);
    expect(isEditable('returned')).toBe(true);
  });

  test('a reviewer who did not edit the draft approves it or sends it back; an editor cannot approve', () => {
    const draft = { state: 'in-review' as const, editors: ['zhangsan'] };
    expect(allowedActions(draft, reviewer, team)).toEqual(['approve', 'return']);
    expect(permission('approve', draft, reviewer, team)).toEqual({ ok: true, next: 'published' });
    expect(permission('return', draft, reviewer, team)).toEqual({ ok: true, next: 'returned' });
    const byEditor = permission('approve', draft, editor, team);
    expect(!byEditor.ok && byEditor.reason).toContain('没有“审核”权限');
  });

  test('nobody approves a draft they edited, except the one user of single-user mode', () => {
    const draft = { state: 'in-review' as const, editors: ['zhangsan', 'wangwu'] };
    const own = permission('approve', draft, both, team);
    expect(own.ok).toBe(false);
    expect(!own.ok && own.reason).toContain('不能自己审核通过');
    expect(allowedActions(draft, both, team)).toEqual(['return']);
    expect(permission('approve', draft, both, { singleUser: true })).toEqual({ ok: true, next: 'published' });
  });

  test('a returned draft is editable again and can be resubmitted; published and discarded drafts are final', () => {
    const returned = { state: 'returned' as const, editors: ['zhangsan'] };
    expect(permission('save', returned, editor, team)).toEqual({ ok: true, next: 'returned' });
    expect(permission('submit', returned, editor, team)).toEqual({ ok: true, next: 'in-review' });
    for (const state of ['published', 'discarded'] as const) {
      expect(allowedActions({ state, editors: [] }, both, { singleUser: true })).toEqual([]);
    }
    const published = permission('save', { state: 'published', editors: [] }, editor, team);
    expect(!published.ok && published.reason).toContain('撤回');
  });

  test('sending back needs a comment', () => {
    expect(returnComment('  ')).toEqual({ ok: false, reason: expect.stringContaining('必须写明意见') });
    expect(returnComment(' 第二段数字有误 ')).toEqual({ ok: true, text: '第二段数字有误' });
    expect(returnComment('字'.repeat(2001)).ok).toBe(false);
  });

  test('everyone who saves joins the editors, once', () => {
    expect(withEditor(['zhangsan'], 'wangwu')).toEqual(['zhangsan', 'wangwu']);
    expect(withEditor(['zhangsan'], 'zhangsan')).toEqual(['zhangsan']);
  });
});
