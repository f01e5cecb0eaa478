/**
 * Every downloadable dataset: its stable path (`tables/targets`,
 * `tasks/<list>`), its definition, and its source file. Download endpoints and
 * the data page both read from here, so they always agree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { contentRoot, loadContentModel } from '../loaders/content-files.ts';
import { SINGLE_FILE_TABLES } from '../schemas/datasets.ts';
import { tasksTable } from '../schemas/tasks.ts';
import { spreadsheetCsv } from '../lib/csv-output.ts';
import type { TableDefinition } from '../schemas/table.ts';

export interface Dataset {
  /** Stable path below /data/, without extension. */
  path: string;
  title: string;
  description: string;
  table: TableDefinition;
  /** Source file relative to the content root. */
  file: string;
  rowCount: number;
  /** Typed rows, as validated. */
  rows: unknown[];
}

export function allDatasets(titles: Map<string, string> = new Map()): Dataset[] {
  const model = loadContentModel();
  const tables = Object.entries(SINGLE_FILE_TABLES).flatMap(([fileName, table]) => {
    const rows = (model[table.id as keyof typeof model] as { data: unknown }[]).map((r) => r.data);
    const name = fileName.replace(/\.csv$/, '');
    const file = `tables/${fileName}`;
    return rows.length === 0 && !['regions', 'indicators'].includes(name)
      ? []
      : [{ path: `tables/${name}`, title: table.title, description: table.description, table: table as TableDefinition, file, rowCount: rows.length, rows }];
  });
  const lists = model.taskLists.map((list) => ({
    path: `tasks/${list.id}`,
    title: titles.get(list.id) ?? list.id,
    description: tasksTable.description,
    table: tasksTable as TableDefinition,
    file: `tasks/${list.id}.csv`,
    rowCount: list.rows.length,
    rows: list.rows.map((r) => r.data),
  }));
  return [...tables, ...lists];
}

/**
 * The dataset as a CSV download: the validated source cells, made safe to
 * open in a spreadsheet (see lib/csv-output.ts).
 */
export function datasetCsv(dataset: Dataset): string {
  const text = readFileSync(join(contentRoot(), dataset.file), 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimiter: ',' });
  return spreadsheetCsv(parsed.data.map((row) => row.map((cell) => cell.trim())));
}

export function datasetJson(dataset: Dataset): string {
  const body = {
    dataset: dataset.path,
    title: dataset.title,
    description: dataset.description,
    columns: dataset.table.columns.map(({ header, key, description }) => ({ key, header, description })),
    rowCount: dataset.rowCount,
    rows: dataset.rows,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
