/**
 * Forms generated from the zod schemas and table definitions in src/schemas/,
 * with their Chinese labels: the frontmatter of a briefing or policy, and the
 * progress row of a figure the importer could not place. No second list of
 * fields: what a schema adds, the form shows.
 */
import { parseDocument } from 'yaml';
import type { z } from 'astro/zod';
import { splitFrontmatter } from '../content/mdx-document.ts';
import { briefingSchema, BRIEFING_FIELD_LABELS } from '../../schemas/briefings.ts';
import { policySchema, POLICY_FIELD_LABELS } from '../../schemas/policies.ts';
import { progressTable } from '../../schemas/progress.ts';
import type { UnplacedFigure } from '../../../scripts/authoring/import-upload.ts';

export interface FormField {
  name: string;
  label: string;
  input: 'text' | 'textarea' | 'number' | 'date' | 'checkbox' | 'select' | 'list';
  required: boolean;
  value: string;
  options?: { value: string; label: string }[];
  hint?: string;
}

/** Keys the desk sets itself (draft mark, import review) or that are not plain values (attachment objects). */
const NOT_IN_FORM = new Set(['draft', 'review', 'attachments']);
const LONG_TEXT = new Set(['source', 'submittedTo', 'copiedTo', 'addressee']);

type AnySchema = z.ZodType & { def: { type: string; innerType?: AnySchema; in?: AnySchema; options?: AnySchema[]; entries?: Record<string, string> } };

/** The field's kind from its schema: wrappers (optional, default, transform) are looked through. */
function describe(schema: AnySchema): { kind: string; required: boolean; choices?: string[] } {
  let required = true;
  let current = schema;
  for (;;) {
    const { type } = current.def;
    if (type === 'optional' || type === 'default') {
      required = false;
      current = current.def.innerType!;
    } else if (type === 'pipe') current = current.def.in!;
    else if (type === 'union') {
      const kinds = current.def.options!.map((o) => o.def.type);
      return { kind: kinds.includes('date') ? 'date' : kinds[0]!, required };
    } else if (type === 'enum') return { kind: 'enum', required, choices: Object.values(current.def.entries ?? {}) };
    else return { kind: type, required };
  }
}

const shapes = { briefing: { schema: briefingSchema, labels: BRIEFING_FIELD_LABELS }, policy: { schema: policySchema, labels: POLICY_FIELD_LABELS } };

function frontmatterOf(mdxText: string): Record<string, unknown> {
  const parts = splitFrontmatter(mdxText);
  const data = parts ? parseDocument(parts.yaml).toJS() : {};
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

function shown(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(shown).join('\n');
  return String(value);
}

export function frontmatterForm(kind: 'briefing' | 'policy', mdxText: string): FormField[] {
  const { schema, labels } = shapes[kind];
  const data = frontmatterOf(mdxText);
  return Object.entries(schema.shape as unknown as Record<string, AnySchema>)
    .filter(([key]) => !NOT_IN_FORM.has(key))
    .map(([key, fieldSchema]): FormField => {
      const { kind: type, required, choices } = describe(fieldSchema);
      const base = { name: key, label: labels[key] ?? key, required, value: shown(data[key]) };
      if (type === 'number') return { ...base, input: 'number' };
      if (type === 'boolean') return { ...base, input: 'checkbox' };
      if (type === 'date') return { ...base, input: 'date', hint: '例如 2023-09-05' };
      if (type === 'array') return { ...base, input: 'list', hint: '每行一项' };
      if (type === 'enum') return { ...base, input: 'select', options: (choices ?? []).map((c) => ({ value: c, label: c })) };
      return { ...base, input: LONG_TEXT.has(key) ? 'textarea' : 'text' };
    });
}

/** The MDX text with the form's values in its frontmatter; the body and other keys untouched. Empty optional fields are removed. */
export function applyFrontmatterForm(kind: 'briefing' | 'policy', mdxText: string, values: Record<string, string>): string {
  const parts = splitFrontmatter(mdxText);
  const document = parseDocument(parts?.yaml ?? '');
  for (const field of frontmatterForm(kind, mdxText)) {
    if (!(field.name in values)) continue;
    const raw = (values[field.name] ?? '').trim();
    if (field.input === 'checkbox') {
      if (raw === 'true') document.set(field.name, true);
      else document.delete(field.name);
      continue;
    }
    if (raw === '' && !field.required) {
      document.delete(field.name);
      continue;
    }
    if (field.input === 'list') document.set(field.name, raw.split(/\r?\n|[;；]/).map((item) => item.trim()).filter(Boolean));
    else if (field.input === 'number' && /^\d+$/.test(raw)) document.set(field.name, Number(raw));
    else document.set(field.name, raw);
  }
  return `---\n${document.toString().trimEnd()}\n---\n${parts?.body ?? mdxText}`;
}

/** The progress columns a person fills in for a figure, in the table's order. */
const FIGURE_COLUMNS = ['跟踪事项', '总数', '已完成', '正在推进', '未完成', '长期坚持', '公布完成率', '截至日期', '来源章节'];

export function figureForm(figure: UnplacedFigure, context: { trackers: { id: string; name: string }[]; sections: { anchor: string; heading: string }[] }): FormField[] {
  const columns = progressTable.columns.filter((c) => FIGURE_COLUMNS.includes(c.header));
  return columns.map((column): FormField => {
    const value = column.header === '来源章节' ? (figure.values[column.header] ?? figure.section ?? '') : (figure.values[column.header] ?? '');
    const base = { name: column.header, label: column.header, value, hint: column.description };
    if (column.header === '跟踪事项') return { ...base, input: 'select', required: true, options: context.trackers.map((t) => ({ value: t.id, label: t.name })) };
    if (column.header === '来源章节') return { ...base, input: 'select', required: true, options: context.sections.map((s) => ({ value: s.anchor, label: s.heading })) };
    if (column.kind === 'date') return { ...base, input: 'date', required: true };
    return { ...base, input: 'number', required: column.header === '总数' || column.header === '已完成' };
  });
}

/** A progress.csv row from a filled-in figure form; `原文` is the figure's sentence, given with the values. */
export function figureRow(values: Record<string, string>, context: { region: string; briefing: string }): Record<string, string> {
  const row: Record<string, string> = {};
  for (const column of progressTable.columns) row[column.header] = (values[column.header] ?? '').trim();
  row['地区'] = context.region;
  row['来源简报'] = context.briefing;
  row['编号'] = [context.region, row['截至日期'], row['跟踪事项']].filter(Boolean).join('-');
  return row;
}
