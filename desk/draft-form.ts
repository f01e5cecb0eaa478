/**
 * A draft as its page shows and edits it: the document's frontmatter as form
 * fields, each figure the import could not place as a form of its own, the
 * form's values applied back to the draft, and every problem the draft would
 * cause, under the form field it belongs to. Nothing here reads the request or
 * writes to disk; the desk's routes (desk/app.ts) call it with the content.
 */
import type { ContentFile } from '../src/lib/content/content-model.ts';
import { validateContent } from '../src/lib/content/validate-content.ts';
import { applyChanges, type DraftChange } from '../src/lib/desk/draft-changes.ts';
import { applyFrontmatterForm, figureForm, figureRow, frontmatterForm, type FormField } from '../src/lib/desk/schema-form.ts';
import { draftIssues, rowFieldName } from '../src/lib/desk/field-issues.ts';
import type { Draft } from './draft-store.ts';
import { figurePrefix, FRONTMATTER_PREFIX } from './views/draft-page.ts';

const PROGRESS_TABLE = 'tables/progress.csv';
const SKIP_FIGURE = '_skip';

/** A submitted form's text field ('' when absent or a file). */
export function formText(form: Record<string, string | File>, name: string): string {
  return typeof form[name] === 'string' ? (form[name] as string) : '';
}

/** The draft's own MDX change (briefings and policies). */
const documentChange = (draft: Draft) =>
  draft.kind === 'briefing' || draft.kind === 'policy'
    ? (draft.changes.find((ch) => ch.kind === 'file' && ch.path.endsWith('.mdx')) as Extract<DraftChange, { kind: 'file' }> | undefined)
    : undefined;

const regionOf = (draft: Draft) => ('region' in draft.target ? (draft.target.region ?? '') : '');
export const contentIdOf = (draft: Draft) => draft.contentId ?? draft.id;

/** The rows of filled-in figures, one per figure (undefined when skipped). */
function figureRows(draft: Draft): (Record<string, string> | undefined)[] {
  return draft.unplaced.map((figure) => {
    const values = draft.figures[figure.key];
    if (!values || values[SKIP_FIGURE] === 'true') return undefined;
    const { [SKIP_FIGURE]: _skip, ...fields } = values;
    return figureRow({ ...fields, 原文: figure.quote }, { region: regionOf(draft), briefing: contentIdOf(draft) });
  });
}

/** What the draft publishes: its changes plus the progress rows of the figures filled in. */
export function effectiveChanges(draft: Draft, figures: 'all' | 'none' | number = 'all'): DraftChange[] {
  const rows = figureRows(draft).filter(
    (row, i): row is Record<string, string> => row !== undefined && (figures === 'all' || figures === i),
  );
  return figures === 'none' || rows.length === 0 ? draft.changes : [...draft.changes, { kind: 'rows', path: PROGRESS_TABLE, rows }];
}

function figureContext(draft: Draft, content: readonly ContentFile[]) {
  const { model } = validateContent(applyChanges(content, draft.changes), 'content');
  const briefing = model.briefings.find((b) => b.id === contentIdOf(draft));
  return {
    trackers: model.trackers.map((t) => ({ id: t.data.id, name: t.data.name })),
    sections: (briefing?.headings ?? []).map((h) => ({ anchor: h.anchor, heading: h.text })),
  };
}

/** Each problem the draft causes, under the form name of its field. Figures are checked one by one, so each problem lands beside its own figure. */
export function issuesOf(draft: Draft, content: readonly ContentFile[], figureFields: FormField[][]): Map<string, string[]> {
  const issues = new Map<string, string[]>();
  const add = (name: string, message: string) => {
    const list = issues.get(name) ?? [];
    if (!list.includes(message)) issues.set(name, [...list, message]);
  };
  const documentFields = new Set(frontmatterFields(draft).map((f) => f.name));
  const base = draftIssues(content, draft.changes);
  const baseText = new Set(base.map((issue) => `${issue.field}\u0000${issue.message}`));
  for (const issue of base) add(documentFields.has(issue.field) ? `${FRONTMATTER_PREFIX}${issue.field}` : '', issue.message);
  // A figure's row comes after every progress row the import itself appends: its cells are named after that place.
  const imported = draft.changes.reduce((n, ch) => n + (ch.kind === 'rows' && ch.path === PROGRESS_TABLE ? ch.rows.length : 0), 0);
  const cellPrefix = rowFieldName(PROGRESS_TABLE, imported, '');
  figureRows(draft).forEach((row, i) => {
    if (!row) return;
    const names = new Set((figureFields[i] ?? []).map((f) => f.name));
    for (const issue of draftIssues(content, effectiveChanges(draft, i))) {
      if (baseText.has(`${issue.field}\u0000${issue.message}`)) continue;
      const header = issue.field.startsWith(cellPrefix) ? issue.field.slice(cellPrefix.length) : '';
      add(names.has(header) ? `${figurePrefix(i)}${header}` : '', `数字 ${i + 1}：${issue.message}`);
    }
  });
  return issues;
}

export function frontmatterFields(draft: Draft): FormField[] {
  const document = documentChange(draft);
  return document && (draft.kind === 'briefing' || draft.kind === 'policy') ? frontmatterForm(draft.kind, document.text) : [];
}

export function figureFieldsOf(draft: Draft, content: readonly ContentFile[]): FormField[][] {
  if (draft.unplaced.length === 0) return [];
  const context = figureContext(draft, content);
  return draft.unplaced.map((figure) => {
    const saved = draft.figures[figure.key] ?? {};
    const fields = figureForm(figure, context).map((f) => (f.name in saved ? { ...f, value: saved[f.name]! } : f));
    return [
      ...fields,
      {
        name: SKIP_FIGURE,
        label: '不发布这个数字（原文数字不全或有误）',
        input: 'checkbox' as const,
        required: false,
        value: saved[SKIP_FIGURE] ?? '',
      },
    ];
  });
}

/** The draft with the form's values applied (nothing saved). */
export function withForm(draft: Draft, form: Record<string, string | File>, content: readonly ContentFile[]): Draft {
  const next = structuredClone(draft);
  const document = documentChange(next);
  if (document && (next.kind === 'briefing' || next.kind === 'policy')) {
    const values: Record<string, string> = {};
    for (const field of frontmatterForm(next.kind, document.text))
      values[field.name] = formText(form, `${FRONTMATTER_PREFIX}${field.name}`);
    document.text = applyFrontmatterForm(next.kind, document.text, values);
    const title = values.title?.trim();
    if (title) next.title = title;
  }
  figureFieldsOf(next, content).forEach((fields, i) => {
    const figure = next.unplaced[i]!;
    next.figures[figure.key] = Object.fromEntries(fields.map((f) => [f.name, formText(form, `${figurePrefix(i)}${f.name}`).trim()]));
  });
  return next;
}
