import type { APIRoute, GetStaticPaths } from 'astro';
import { chartCsv } from '../../../data/download-files.ts';
import { chartPaths } from '../../../data/download-paths.ts';
import type { ChartSpec } from '../../../lib/charts/chart-specs.ts';
import { fileResponse } from '../../../lib/file-response.ts';

export const getStaticPaths = chartPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => fileResponse(chartCsv((props as { spec: ChartSpec }).spec), '.csv');
