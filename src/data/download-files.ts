/**
 * Every download file the site publishes: each dataset's CSV and JSON and each
 * chart's CSV, by its path on the site. A full build writes them in a
 * process of their own beside the renderer (integrations/downloads.ts);
 * `astro dev` and a `--changed` build make the same text through the download
 * endpoints (data/download-paths.ts).
 */
import { allDatasets, datasetCsv, datasetJson, sourceCells } from './datasets.ts';
import { allCharts } from './charts.ts';
import { routes } from '../lib/routes.ts';
import { spreadsheetCsv } from '../lib/csv-output.ts';
import type { ChartSpec } from '../lib/charts/chart-specs.ts';

/** A chart's data table as CSV, UTF-8 with BOM for Excel/WPS. */
export const chartCsv = ({ table }: ChartSpec): string => spreadsheetCsv([table.headers, ...table.rows]);

/** One file at a time, so that a province's 100 MB of tables are never all held at once. */
export async function* downloadFiles(): AsyncGenerator<{ path: string; text: string }> {
  for (const dataset of allDatasets()) {
    const cells = sourceCells(dataset);
    yield { path: routes.datasetFile(dataset.path, 'csv'), text: datasetCsv(dataset, cells) };
    yield { path: routes.datasetFile(dataset.path, 'json'), text: datasetJson(dataset, cells) };
  }
  for (const { spec } of await allCharts()) yield { path: routes.chartCsv(spec.id), text: chartCsv(spec) };
}
