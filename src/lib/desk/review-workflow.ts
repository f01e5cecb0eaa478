/**
 * The review workflow of the publishing desk (先审后发): which state a draft is
 * in, who may do what to it, and where each action leads. Pure: the desk
 * asks `permission` before every change and shows `allowedActions` as buttons.
 *
 *   草稿 ──提交审核──▶ 审核中 ──审核通过──▶ 已发布
 *    ▲                  │
 *    └──── 已退回 ◀──退回修改（必须写明意见）
 *   草稿 / 已退回 ──放弃──▶ 已放弃
 *
 * A submitted draft is locked: nobody edits it until it is sent back. The
 * reviewer who approves must not be one of the people who edited the draft,
 * except in single-user mode, where the one user is both, as every screen says.
 */

export type DraftState = 'draft' | 'in-review' | 'returned' | 'published' | 'discarded';
export type DraftAction = 'save' | 'submit' | 'approve' | 'return' | 'discard';
export type Role = 'editor' | 'reviewer';

export const STATE_LABELS: Record<DraftState, string> = {
  draft: '草稿',
  'in-review': '审核中',
  returned: '已退回',
  published: '已发布',
  discarded: '已放弃',
};

export const ACTION_LABELS: Record<DraftAction, string> = {
  save: '保存',
  submit: '提交审核',
  approve: '审核通过',
  return: '退回修改',
  discard: '放弃草稿',
};

export const ROLE_LABELS: Record<Role, string> = { editor: '编辑', reviewer: '审核' };

export interface WorkflowUser {
  username: string;
  roles: readonly Role[];
}

export interface WorkflowDraft {
  state: DraftState;
  /** Everyone who uploaded or saved the draft. */
  editors: readonly string[];
}

export interface WorkflowMode {
  /** Loopback without an accounts file: one user who is both editor and reviewer. */
  singleUser: boolean;
}

export type Permission = { ok: true; next: DraftState } | { ok: false; reason: string };

/** States an action may start from, and the state it leads to. */
const TRANSITIONS: Record<DraftAction, { from: readonly DraftState[]; to: (from: DraftState) => DraftState; role: Role }> = {
  save: { from: ['draft', 'returned'], to: (from) => from, role: 'editor' },
  submit: { from: ['draft', 'returned'], to: () => 'in-review', role: 'editor' },
  approve: { from: ['in-review'], to: () => 'published', role: 'reviewer' },
  return: { from: ['in-review'], to: () => 'returned', role: 'reviewer' },
  discard: { from: ['draft', 'returned'], to: () => 'discarded', role: 'editor' },
};

function stateReason(action: DraftAction, state: DraftState): string {
  if (state === 'in-review') return `稿件已提交审核，已锁定，不能${ACTION_LABELS[action]}；如需修改，请审核人先“退回修改”。`;
  if (state === 'published') return `稿件已发布，不能再${ACTION_LABELS[action]}；如需撤下，请到“发布记录”点“撤回”。`;
  if (state === 'discarded') return `稿件已放弃，不能再${ACTION_LABELS[action]}。`;
  return `稿件还没有提交审核，不能${ACTION_LABELS[action]}。`;
}

/**
 * Whether `user` may apply `action` to `draft`, and the state it leads to.
 * `return` needs a comment: the caller checks the text (see returnComment).
 */
export function permission(action: DraftAction, draft: WorkflowDraft, user: WorkflowUser, mode: WorkflowMode): Permission {
  const transition = TRANSITIONS[action];
  if (!user.roles.includes(transition.role))
    return { ok: false, reason: `您没有“${ROLE_LABELS[transition.role]}”权限，不能${ACTION_LABELS[action]}。` };
  if (!transition.from.includes(draft.state)) return { ok: false, reason: stateReason(action, draft.state) };
  if (action === 'approve' && !mode.singleUser && draft.editors.includes(user.username)) {
    return { ok: false, reason: '您编辑过这份稿件，不能自己审核通过；请另一位审核人审核。' };
  }
  return { ok: true, next: transition.to(draft.state) };
}

/** The actions whose buttons the draft page shows to `user`. */
export function allowedActions(draft: WorkflowDraft, user: WorkflowUser, mode: WorkflowMode): DraftAction[] {
  return (Object.keys(TRANSITIONS) as DraftAction[]).filter((action) => permission(action, draft, user, mode).ok);
}

/** Whether the draft can still be changed (not locked for review, not finished). */
export function isEditable(state: DraftState): boolean {
  return TRANSITIONS.save.from.includes(state);
}

/** The comment of 退回修改, trimmed, or the reason it cannot be accepted. */
export function returnComment(text: string | undefined): { ok: true; text: string } | { ok: false; reason: string } {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return { ok: false, reason: '退回修改必须写明意见：请在“退回意见”框里说明要改什么。' };
  if (trimmed.length > 2000) return { ok: false, reason: '退回意见太长（超过 2000 字），请精简。' };
  return { ok: true, text: trimmed };
}

/** The editors after `username` saved or uploaded the draft. */
export function withEditor(editors: readonly string[], username: string): string[] {
  return editors.includes(username) ? [...editors] : [...editors, username];
}
