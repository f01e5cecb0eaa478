import type { APIRoute, GetStaticPaths } from 'astro';
import { allCharts } from '../../../data/charts.ts';
import { chartKey } from '../../../data/page-keys.ts';
import type { ChartSpec } from '../../../lib/charts/chart-specs.ts';
import { spreadsheetCsv } from '../../../lib/csv-output.ts';
import { fileResponse } from '../../../lib/file-response.ts';

export const getStaticPaths = (async () =>
  Promise.all(
    (await allCharts()).map(async (chart) => ({
      params: { id: chart.spec.id },
      props: { spec: chart.spec },
      cacheKey: await chartKey(chart),
    })),
  )) satisfies GetStaticPaths;

/** A chart's data table as CSV, UTF-8 with BOM for Excel/WPS. */
export const GET: APIRoute = ({ props }) => {
  const { table } = (props as { spec: ChartSpec }).spec;
  return fileResponse(spreadsheetCsv([table.headers, ...table.rows]), '.csv');
};
