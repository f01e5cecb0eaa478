/**
 * The problems a draft causes, each tied to the form field it belongs to:
 * the full content check over the content with the draft's changes, minus
 * what the content already had.
 */
import { formatIssue, type ContentIssue } from '../content/content-issue.ts';
import type { ContentFile } from '../content/content-model.ts';
import { validateContent } from '../content/validate-content.ts';
import { applyChanges, type DraftChange } from './draft-changes.ts';

export interface FieldIssue {
  /** A FormField.name (frontmatter key or progress column header), or '' when it belongs to no field. */
  field: string;
  message: string;
}

/** `标题（title）` → `title`; a CSV header stays as it is. */
function fieldOf(issue: ContentIssue): string {
  if (!issue.field) return '';
  return /（([A-Za-z]+)）$/.exec(issue.field)?.[1] ?? issue.field;
}

export function draftIssues(content: readonly ContentFile[], changes: readonly DraftChange[]): FieldIssue[] {
  const before = new Set(validateContent(content).issues.map(formatIssue));
  return validateContent(applyChanges(content, changes))
    .issues.filter((issue) => !before.has(formatIssue(issue)))
    .map((issue) => {
      const field = fieldOf(issue);
      const message = field ? `${issue.message}${issue.hint ? `（${issue.hint}）` : ''}` : formatIssue(issue);
      return { field, message };
    });
}
