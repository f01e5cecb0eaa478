/**
 * How a CSV dataset is described: the columns staff see (Chinese headers),
 * the typed field each maps to, what kind of value it holds, its unit, what it
 * means, and the row schema. Validation, the spreadsheet import, downloads,
 * chart tables and the data dictionary on the data page all read these
 * definitions, so none of them can drift from what the validator enforces.
 */
import type { z } from 'astro/zod';

/**
 * What a column holds. `id` is a pinyin id (see fields.ts `slug`), `ids` several
 * of them; `anchor` is a section anchor of the document named in the same row.
 */
export type ColumnKind = 'id' | 'ids' | 'anchor' | 'text' | 'choice' | 'date' | 'year' | 'ordinal' | 'count' | 'number' | 'percent';

/** Kinds as the data dictionary names them. */
export const COLUMN_KIND_LABELS: Record<ColumnKind, string> = {
  id: '编号',
  ids: '编号列表',
  anchor: '章节锚点',
  text: '文本',
  choice: '固定选项',
  date: '日期',
  year: '年度',
  ordinal: '序号',
  count: '计数',
  number: '数值',
  percent: '百分数',
};

/** What an id column refers to: another dataset's 编号, or a document's file name. */
export type IdTarget = 'regions' | 'indicators' | 'trackers' | 'policies' | 'briefings';

export interface Column<Key extends string = string> {
  /** The header staff see in Excel/WPS. */
  header: string;
  /** The typed field name in code: a key of the table's schema. */
  key: Key;
  kind: ColumnKind;
  /** The unit every value of the column is in, e.g. 项 or %. */
  unit?: string;
  /** For `id`/`ids` columns: what the ids name. */
  refersTo?: IdTarget;
  /** For `anchor` columns: the key of the column naming the document the anchor is in. */
  anchorIn?: Key;
  /** What the column holds, for the data dictionary. */
  description: string;
  /** The column may be absent from a file (some lists do not have it). */
  optionalColumn?: boolean;
  /** What pages show for an empty cell, where an empty cell means the source itself was blank. */
  blankLabel?: string;
}

type KeysOf<Schema extends z.ZodType> = Extract<keyof z.input<Schema>, string>;

export interface TableDefinition<Schema extends z.ZodType = z.ZodType, Key extends string = string> {
  /** Collection name in code. */
  id: string;
  /** Name of the dataset for people. */
  title: string;
  description: string;
  columns: readonly Column<Key>[];
  schema: Schema;
  /** The column that identifies a row for people, e.g. 序号 or 编号. */
  labelColumn?: string;
  /**
   * Columns whose cells a source table merges down a group of rows (指标名称,
   * 对标城市 …). The import carries them down within a group, never into the
   * next; pages show them once per group. Outermost first: the first of them a
   * file has decides where a group starts (a row with it blank continues the
   * group above).
   */
  groupColumns?: readonly Key[];
}

/**
 * A table definition whose column keys are checked against its schema at
 * compile time: every column names a field of the schema, and every field of
 * the schema has a column.
 */
export function defineTable<Schema extends z.ZodType, const Columns extends readonly Column<KeysOf<Schema>>[]>(
  definition: TableDefinition<Schema, KeysOf<Schema>> & { columns: Columns } & ([Exclude<KeysOf<Schema>, Columns[number]['key']>] extends [
      never,
    ]
      ? unknown
      : { missingColumnsFor: Exclude<KeysOf<Schema>, Columns[number]['key']> }),
): TableDefinition<Schema, KeysOf<Schema>> {
  return definition;
}
