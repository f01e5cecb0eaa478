import type { APIRoute, GetStaticPaths } from 'astro';
import { allDatasets, datasetJson, type Dataset } from '../../../data/datasets.ts';
import { taskListCatalog } from '../../../data/site-content.ts';

export const getStaticPaths = (async () => {
  const titles = new Map([...(await taskListCatalog())].map(([id, list]) => [id, list.title]));
  return allDatasets(titles).map((dataset) => {
    const [kind, name] = dataset.path.split('/') as [string, string];
    return { params: { kind, name }, props: { dataset } };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(datasetJson((props as { dataset: Dataset }).dataset), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
