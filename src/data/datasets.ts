/**
 * Every downloadable dataset: its stable path (`tables/targets`,
 * `tasks/<list>`), its definition, and its source file. Download endpoints and
 * the data page both read from here, so they always agree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { contentRoot, loadContentModel, loadSiteModel, oncePerContent, showsDrafts } from '../loaders/content-files.ts';
import { REQUIRED_TABLES, SINGLE_FILE_TABLES, TASK_LIST_TABLE } from '../schemas/datasets.ts';
import { spreadsheetCsv } from '../lib/csv-output.ts';
import { downloadCells, downloadColumns, downloadRecord, type NameLookup } from '../lib/dataset-downloads.ts';
import { absoluteUrl, href, routes } from '../lib/routes.ts';
import type { TableDefinition } from '../schemas/table.ts';
import { publishedPolicies, taskListHeadings } from '../lib/published-view.ts';
import { taskListDataset } from '../schemas/datasets.ts';
import { sectionHeading } from './section-titles.ts';

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
  /** Spreadsheet row numbers (header = 1) of those rows: a file can hold rows of drafts, which are not published. */
  rowNumbers: Set<number>;
}

export function allDatasets(): Dataset[] {
  const model = loadSiteModel();
  const headings = taskListHeadings(
    publishedPolicies(model.policies, { includeDrafts: showsDrafts }),
    model.taskLists.map((list) => list.id),
  );
  const tables = Object.entries(SINGLE_FILE_TABLES).flatMap(([fileName, table]) => {
    const located = model[table.id as keyof typeof model] as { data: unknown; row: number }[];
    const rows = located.map((r) => r.data);
    const name = fileName.replace(/\.csv$/, '');
    const file = `tables/${fileName}`;
    return rows.length === 0 && !(REQUIRED_TABLES as readonly string[]).includes(fileName)
      ? []
      : [
          {
            path: `tables/${name}`,
            title: table.title,
            description: table.description,
            table: table as TableDefinition,
            file,
            rowCount: rows.length,
            rows,
            rowNumbers: new Set(located.map((r) => r.row)),
          },
        ];
  });
  const lists = model.taskLists.map((list) => ({
    path: taskListDataset(list.id),
    title: headings.get(list.id)!.title,
    description: TASK_LIST_TABLE.description,
    table: TASK_LIST_TABLE as TableDefinition,
    file: `${taskListDataset(list.id)}.csv`,
    rowCount: list.rows.length,
    rows: list.rows.map((r) => r.data),
    rowNumbers: new Set(list.rows.map((r) => r.row)),
  }));
  return [...tables, ...lists];
}

/** Names and section headings of everything a dataset can refer to, from the validated content. */
const nameLookup = oncePerContent((): NameLookup => {
  const model = loadContentModel();
  const names = {
    regions: new Map(model.regions.map((r) => [r.data.id, r.data.name])),
    indicators: new Map(model.indicators.map((r) => [r.data.id, r.data.name])),
    trackers: new Map(model.trackers.map((r) => [r.data.id, r.data.name])),
    policies: new Map(model.policies.map((d) => [d.id, d.data.title])),
    briefings: new Map(model.briefings.map((d) => [d.id, d.data.title])),
  };
  const page = { policies: routes.policy, briefings: routes.briefing };
  return {
    name: (target, id) => names[target].get(id),
    section: (kind, id, anchor) => {
      // A row may cite a section by its former Chinese anchor; the address uses today's.
      const heading = sectionHeading(kind, id, anchor);
      if (!heading) return undefined;
      const path = page[kind](id, heading.anchor);
      return { heading: heading.text, url: absoluteUrl(path) ?? href(path) };
    },
  };
});

/** A dataset's source cells, trimmed, each row keyed by column key; the columns present, in file order. */
export interface SourceCells {
  keys: string[];
  rows: Record<string, string>[];
}

/** The source file's cells; a full build reads them once for a dataset's CSV and JSON (data/download-files.ts). */
export function sourceCells(dataset: Dataset): SourceCells {
  const text = readFileSync(join(contentRoot(), dataset.file), 'utf8').replace(/^\uFEFF/, '');
  const [headers = [], ...records] = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimiter: ',' }).data;
  const keyOf = new Map(dataset.table.columns.map((c) => [c.header, c.key]));
  const keys = headers.map((header) => keyOf.get(header.trim()) ?? header.trim());
  return {
    keys,
    rows: records
      .filter((_, i) => dataset.rowNumbers.has(i + 2))
      .map((cells) => Object.fromEntries(keys.map((key, i) => [key, cells[i]?.trim() ?? '']))),
  };
}

/**
 * The dataset as a CSV download: the validated source cells as written, with
 * units in the headers and names beside codes, made safe to open in a
 * spreadsheet (see lib/csv-output.ts).
 */
export function datasetCsv(dataset: Dataset, { keys, rows } = sourceCells(dataset)): string {
  const columns = downloadColumns(dataset.table, keys);
  const names = nameLookup();
  return spreadsheetCsv([columns.map((c) => c.header), ...rows.map((cells) => downloadCells(columns, cells, names))]);
}

/** The dataset as JSON: typed values as validated, names beside codes, and the columns described. */
export function datasetJson(dataset: Dataset, { keys, rows } = sourceCells(dataset)): string {
  const columns = downloadColumns(dataset.table, keys);
  const names = nameLookup();
  const body = {
    dataset: dataset.path,
    title: dataset.title,
    description: dataset.description,
    columns: columns.map((c) => ({
      key: c.key,
      header: c.header,
      description: c.derived?.description ?? c.column.description,
      ...(c.column.unit && !c.derived ? { unit: c.column.unit } : {}),
      ...(c.derived ? { derived: true } : {}),
    })),
    rowCount: dataset.rowCount,
    rows: dataset.rows.map((data, i) => downloadRecord(columns, data as Record<string, unknown>, rows[i]!, names)),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
