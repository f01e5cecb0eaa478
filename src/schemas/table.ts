/**
 * How a CSV dataset is described: the columns staff see (Chinese headers),
 * the typed field each maps to, what it means, and the row schema. The data
 * page renders this as the data dictionary, so the documentation cannot drift
 * from what the validator enforces.
 */
import type { z } from 'astro/zod';

export interface Column {
  /** The header staff see in Excel/WPS. */
  header: string;
  /** The typed field name in code. */
  key: string;
  /** What the column holds, for the data dictionary. */
  description: string;
  /** The column may be absent from a file (some lists do not have it). */
  optionalColumn?: boolean;
}

export interface TableDefinition<Schema extends z.ZodType = z.ZodType> {
  /** Collection name in code. */
  id: string;
  /** Name of the dataset for people. */
  title: string;
  description: string;
  columns: readonly Column[];
  schema: Schema;
  /** The column that identifies a row for people, e.g. 序号 or 编号. */
  labelColumn?: string;
}

export function defineTable<Schema extends z.ZodType>(definition: TableDefinition<Schema>) {
  return definition;
}
