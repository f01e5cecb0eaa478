/**
 * The columns of a dataset download (CSV and JSON at /data/<dataset>.csv|json)
 * and the data dictionary that describes them. A download is the dataset's
 * own columns, each header carrying its unit where it has one (总数（项）), and
 * beside every code the name a reader needs: 地区名称 beside 地区, 指标名称
 * beside 指标, the document's title beside 来源政策 or 来源简报, and beside
 * 来源章节 the section's number and title and its address. Those name columns
 * are derived from the registry's other datasets and documents, not part of
 * the source table, and the dictionary says so. Pure: names come in as a
 * lookup (see data/datasets.ts).
 */
import type { Column, IdTarget, TableDefinition } from '../schemas/table.ts';

/** Names of what ids refer to, from the validated content. */
export interface NameLookup {
  /** The name of a region, indicator or tracker, the title of a policy or briefing. */
  name(target: IdTarget, id: string): string | undefined;
  /** A document section by its anchor: its heading as printed (number and title) and its full address. */
  section(document: 'policies' | 'briefings', id: string, anchor: string): { heading: string; url: string } | undefined;
}

export interface DownloadColumn {
  /** Header of the CSV column: the dataset's header, with the unit in brackets where there is one. */
  header: string;
  /** Field name in the JSON rows. */
  key: string;
  /** The registry column this one is, or is derived from. */
  column: Column;
  /** Set for a column computed from another dataset or document, with what it holds. */
  derived?: { description: string; value: (cells: Readonly<Record<string, string>>, names: NameLookup) => string };
}

const DOCUMENT_TARGETS = new Set<IdTarget>(['policies', 'briefings']);

/** What an id column's name column is called: 地区 → 地区名称, 来源政策 → 来源政策标题. */
function nameSuffix(target: IdTarget): { header: string; key: string; what: string } {
  return DOCUMENT_TARGETS.has(target) ? { header: '标题', key: 'Title', what: '标题' } : { header: '名称', key: 'Name', what: '名称' };
}

const TARGET_LABELS: Record<IdTarget, string> = {
  regions: '地区',
  indicators: '指标',
  trackers: '跟踪事项清单',
  policies: '政策',
  briefings: '简报',
};

const DERIVED_NOTE = '由本站根据编号生成，原表没有这一列。';

function derivedColumns(table: TableDefinition, column: Column): DownloadColumn[] {
  if ((column.kind === 'id' || column.kind === 'ids') && column.refersTo) {
    const target = column.refersTo;
    const suffix = nameSuffix(target);
    return [
      {
        header: `${column.header}${suffix.header}`,
        key: `${column.key}${suffix.key}`,
        column,
        derived: {
          description: `“${column.header}”列编号对应的${TARGET_LABELS[target]}${suffix.what}${column.kind === 'ids' ? '，多个用 ; 分隔' : ''}。${DERIVED_NOTE}`,
          value: (cells, names) =>
            (cells[column.key] ?? '')
              .split(/[;；]/)
              .map((id) => id.trim())
              .filter(Boolean)
              .map((id) => names.name(target, id) ?? '')
              .join(';'),
        },
      },
    ];
  }
  if (column.kind === 'anchor' && column.anchorIn) {
    const documentColumn = table.columns.find((c) => c.key === column.anchorIn);
    const document = documentColumn?.refersTo;
    if (!documentColumn || (document !== 'policies' && document !== 'briefings')) return [];
    const section = (cells: Readonly<Record<string, string>>, names: NameLookup) => {
      const id = cells[documentColumn.key];
      const anchor = cells[column.key];
      return id && anchor ? names.section(document, id, anchor) : undefined;
    };
    return [
      {
        header: `${column.header}标题`,
        key: `${column.key}Heading`,
        column,
        derived: {
          description: `该章节的标题，含原文编号。${DERIVED_NOTE}`,
          value: (cells, names) => section(cells, names)?.heading ?? '',
        },
      },
      {
        header: `${column.header}地址`,
        key: `${column.key}Url`,
        column,
        derived: {
          description: `该章节在本站的网址（含锚点）。${DERIVED_NOTE}`,
          value: (cells, names) => section(cells, names)?.url ?? '',
        },
      },
    ];
  }
  return [];
}

/**
 * The download's columns for a file holding `keys` (in file order): each
 * column with its unit, followed by the columns derived from it. A derived
 * column is left out where the file already has a column of that name (a
 * task list's 指标名称 is the name as the source printed it).
 */
export function downloadColumns(table: TableDefinition, keys: readonly string[]): DownloadColumn[] {
  const own = new Set(table.columns.filter((c) => keys.includes(c.key)).map((c) => c.header));
  return keys.flatMap((key) => {
    const column = table.columns.find((c) => c.key === key);
    if (!column) return [];
    const main: DownloadColumn = { header: column.unit ? `${column.header}（${column.unit}）` : column.header, key: column.key, column };
    return [main, ...derivedColumns(table, column).filter((derived) => !own.has(derived.header))];
  });
}

/** One row of the download: the source cells (by column key) and the derived names. */
export function downloadCells(columns: readonly DownloadColumn[], cells: Readonly<Record<string, string>>, names: NameLookup): string[] {
  return columns.map((c) => (c.derived ? c.derived.value(cells, names) : (cells[c.key] ?? '')));
}

/** A JSON row: the validated values, with the derived names beside them. */
export function downloadRecord(
  columns: readonly DownloadColumn[],
  data: Readonly<Record<string, unknown>>,
  cells: Readonly<Record<string, string>>,
  names: NameLookup,
): Record<string, unknown> {
  return Object.fromEntries(columns.map((c) => [c.key, c.derived ? c.derived.value(cells, names) : data[c.key]]));
}

/** Every column a dataset's downloads can have, for the data dictionary. */
export function dictionaryColumns(table: TableDefinition): DownloadColumn[] {
  return downloadColumns(
    table,
    table.columns.map((c) => c.key),
  );
}

/**
 * The headers of a dataset's columns, its own or derived from them (`regionName`,
 * `sectionHeading`), as its downloads spell them: what chart tables print
 * above the same values, so the two never name a column differently.
 */
export function columnHeaders(table: TableDefinition, keys: readonly string[]): string[] {
  const columns = dictionaryColumns(table);
  return keys.map((key) => {
    const column = columns.find((c) => c.key === key);
    if (!column) throw new Error(`${table.id} has no column or derived column "${key}"`);
    return column.header;
  });
}
