import type { APIRoute, GetStaticPaths } from 'astro';
import { allDatasets, datasetJson, type Dataset } from '../../../data/datasets.ts';

export const getStaticPaths = (() =>
  allDatasets().map((dataset) => {
    const [kind, name] = dataset.path.split('/') as [string, string];
    return { params: { kind, name }, props: { dataset } };
  })) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(datasetJson((props as { dataset: Dataset }).dataset), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
