/**
 * The desk's forms, generated from the schemas in src/schemas/ and their
 * Chinese labels, so there is no second list of fields to keep in step: a
 * briefing's or policy's frontmatter from its zod object, and a figure the
 * import could not place from the progress table's definition. Pure.
 */
import { isMap, parseDocument } from 'yaml';
import type { z } from 'astro/zod';
import { splitFrontmatter } from '../content/mdx-document.ts';
import { headingAnchors, markdownHeadings } from '../content/anchors.ts';
import { briefingSchema, BRIEFING_FIELD_LABELS } from '../../schemas/briefings.ts';
import { policySchema, POLICY_FIELD_LABELS } from '../../schemas/policies.ts';
import { progressTable } from '../../schemas/progress.ts';
import type { Column } from '../../schemas/table.ts';

export interface FormField {
  /** The frontmatter key, or for a figure the progress column's Chinese header. */
  name: string;
  label: string;
  input: 'text' | 'textarea' | 'number' | 'date' | 'checkbox' | 'select' | 'list';
  required: boolean;
  /** As the form shows it: a list one item a line, a checkbox `true` or ''. */
  value: string;
  options?: { value: string; label: string }[];
  hint?: string;
}

/** What a figure form needs besides the figure: the trackers to choose from and the briefing's sections. */
export interface FigureContext {
  trackers: { id: string; name: string }[];
  sections: { anchor: string; heading: string }[];
}

/** A figure the import could not place (the UnplacedFigure of scripts/authoring/import-upload.ts). */
export interface FigureToComplete {
  quote: string;
  section?: string;
  values: Record<string, string>;
}

export type DocumentKind = 'briefing' | 'policy';

const DOCUMENTS = {
  briefing: { schema: briefingSchema, labels: BRIEFING_FIELD_LABELS },
  policy: { schema: policySchema, labels: POLICY_FIELD_LABELS },
} as const;

/** Keys only the import and the draft workflow write: never shown in a form. */
const INTERNAL_KEYS = new Set(['draft', 'review']);

/** The parts of zod 4's schema definitions a form needs. */
interface SchemaDef {
  type: string;
  innerType?: SchemaNode;
  in?: SchemaNode;
  options?: SchemaNode[];
  element?: SchemaNode;
  entries?: Record<string, string>;
  shape?: Record<string, SchemaNode>;
}
interface SchemaNode {
  def: SchemaDef;
}

/** Optional and default wrappers removed: the field's own type. */
function unwrapped(node: SchemaNode): SchemaNode {
  let current = node;
  while (current.def.type === 'optional' || current.def.type === 'default' || current.def.type === 'nullable')
    current = current.def.innerType!;
  return current;
}

/** A date field reads a YAML date or a string and turns it into ISO (fields.ts frontmatterDate). */
const isDate = (node: SchemaNode) =>
  node.def.type === 'date' ||
  (node.def.type === 'pipe' && node.def.in?.def.type === 'union' && node.def.in.def.options!.some((o) => o.def.type === 'date'));

/** The keys of an array's object items, for a list written one item a line as `a｜b`. */
const itemKeys = (node: SchemaNode) => {
  const item = unwrapped(node.def.element!);
  return item.def.type === 'object' ? Object.keys(item.def.shape!) : undefined;
};

function inputOf(node: SchemaNode): Pick<FormField, 'input' | 'options'> {
  const base = unwrapped(node);
  if (isDate(base)) return { input: 'date' };
  switch (base.def.type) {
    case 'number':
      return { input: 'number' };
    case 'boolean':
      return { input: 'checkbox' };
    case 'enum':
      return { input: 'select', options: Object.values(base.def.entries!).map((value) => ({ value, label: value })) };
    case 'array':
      return { input: 'list' };
    default:
      return { input: 'text' };
  }
}

const SEPARATOR = '｜';

function shownValue(value: unknown, node: SchemaNode): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) {
    const keys = itemKeys(unwrapped(node));
    return value
      .map((item) =>
        keys && typeof item === 'object' && item !== null
          ? keys.map((k) => String((item as Record<string, unknown>)[k] ?? '')).join(SEPARATOR)
          : String(item),
      )
      .join('\n');
  }
  return String(value);
}

function frontmatterData(mdxText: string): Record<string, unknown> {
  const parts = splitFrontmatter(mdxText);
  if (!parts) return {};
  const data: unknown = parseDocument(parts.yaml).toJS();
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

const shapeOf = (kind: DocumentKind) => (DOCUMENTS[kind].schema as unknown as { shape: Record<string, SchemaNode & z.ZodType> }).shape;

/** The frontmatter of a briefing or policy as a form: every schema field but the internal ones, with its label and current value. */
export function frontmatterForm(kind: DocumentKind, mdxText: string): FormField[] {
  const { labels } = DOCUMENTS[kind];
  const data = frontmatterData(mdxText);
  return Object.entries(shapeOf(kind))
    .filter(([name]) => !INTERNAL_KEYS.has(name))
    .map(([name, node]) => {
      const { input, options } = inputOf(node);
      const keys = input === 'list' ? itemKeys(unwrapped(node)) : undefined;
      const hint =
        input === 'list'
          ? keys
            ? `每行一项，写成：${keys.map((k) => labels[k] ?? k).join(SEPARATOR)}`
            : '每行一项'
          : input === 'date'
            ? '例如 2023-06-30'
            : undefined;
      return {
        name,
        label: labels[name] ?? name,
        input,
        required: !node.isOptional(),
        value: shownValue(data[name], node),
        ...(options ? { options } : {}),
        ...(hint ? { hint } : {}),
      };
    });
}

/** A form value as the YAML value the schema reads; undefined removes the key. */
function yamlValue(value: string, field: FormField, node: SchemaNode): unknown {
  const text = value.trim();
  switch (field.input) {
    case 'checkbox':
      return text === 'true' || text === 'on' ? true : field.required ? false : undefined;
    case 'number':
      // Anything but a number is kept as written, so the content check names it.
      return text === '' ? (field.required ? '' : undefined) : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    case 'list': {
      const lines = value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
      const keys = itemKeys(unwrapped(node));
      const items = keys
        ? lines.map((line) => Object.fromEntries(line.split(/[｜|]/).map((part, i) => [keys[i] ?? `${i}`, part.trim()])))
        : lines;
      return items.length === 0 && !field.required ? undefined : items;
    }
    default:
      return text === '' && !field.required ? undefined : text;
  }
}

/** The MDX text with the form's values in its frontmatter; other keys, comments and the body are kept as written. */
export function applyFrontmatterForm(kind: DocumentKind, mdxText: string, values: Record<string, string>): string {
  const parts = splitFrontmatter(mdxText);
  const yaml = parseDocument(parts?.yaml ?? '');
  if (!isMap(yaml.contents) && parts?.yaml.trim()) return mdxText;
  const shape = shapeOf(kind);
  for (const field of frontmatterForm(kind, mdxText)) {
    if (!(field.name in values)) continue;
    const value = yamlValue(values[field.name]!, field, shape[field.name]!);
    if (value === undefined) yaml.delete(field.name);
    else yaml.set(field.name, value);
  }
  const text = yaml.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `---\n${text.endsWith('\n') ? text : `${text}\n`}---\n${parts?.body ?? mdxText.replace(/^\uFEFF/, '')}`;
}

/** The sections of a document (its headings and their anchors, as the site gives them), for the 来源章节 choice. */
export function documentSections(mdxText: string): FigureContext['sections'] {
  const body = splitFrontmatter(mdxText)?.body ?? mdxText;
  const headings = markdownHeadings(body);
  const anchors = headingAnchors(headings);
  return headings.map((heading, i) => ({ anchor: anchors[i]!, heading: heading.text }));
}

/** Progress columns a figure row takes from its context or its quote, not from the form. */
const FROM_CONTEXT = new Set(['id', 'region', 'quote', 'briefing']);

const progressColumns = () => progressTable.columns.filter((column) => !FROM_CONTEXT.has(column.key));

const progressShape = (progressTable.schema as unknown as { shape: Record<string, z.ZodType> }).shape;

function figureInput(column: Column, context: FigureContext): Pick<FormField, 'input' | 'options'> {
  if (column.refersTo === 'trackers') return { input: 'select', options: context.trackers.map((t) => ({ value: t.id, label: t.name })) };
  if (column.kind === 'anchor') return { input: 'select', options: context.sections.map((s) => ({ value: s.anchor, label: s.heading })) };
  if (column.kind === 'date') return { input: 'date' };
  if (column.kind === 'count' || column.kind === 'percent') return { input: 'number' };
  return { input: 'text' };
}

/** The fields to complete a figure with, from the progress table's definition, filled with what the sentence stated. */
export function figureForm(figure: FigureToComplete, context: FigureContext): FormField[] {
  return progressColumns().map((column) => {
    const { input, options } = figureInput(column, context);
    const value = figure.values[column.header] ?? (column.kind === 'anchor' ? (figure.section ?? '') : '');
    return {
      name: column.header,
      label: column.header,
      input,
      // A cell the table's schema refuses when empty must be filled.
      required: !progressShape[column.key]!.safeParse('').success,
      value,
      ...(options ? { options } : {}),
      hint: column.unit ? `${column.description}单位：${column.unit}。` : column.description,
    };
  });
}

/** The progress.csv row of a completed figure: the form's values (and 原文, the figure's quote), with its id, region and briefing. */
export function figureRow(values: Record<string, string>, context: { region: string; briefing: string }): Record<string, string> {
  const cell = (header: string) => (values[header] ?? '').trim();
  const row: Record<string, string> = {};
  for (const column of progressTable.columns) row[column.header] = cell(column.header);
  // The same id the Word import gives a figure: one row per region, date and tracker.
  row['编号'] = `${context.region}-${cell('截至日期')}-${cell('跟踪事项')}`;
  row['地区'] = context.region;
  row['来源简报'] = context.briefing;
  return row;
}
