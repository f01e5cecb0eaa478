import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetPaths, datasetCsv, type Dataset } from '../../../data/datasets.ts';

export const getStaticPaths = datasetPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(datasetCsv((props as { dataset: Dataset }).dataset), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
