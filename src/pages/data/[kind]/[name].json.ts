import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetPaths, datasetJson, type Dataset } from '../../../data/datasets.ts';

export const getStaticPaths = datasetPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(datasetJson((props as { dataset: Dataset }).dataset), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
