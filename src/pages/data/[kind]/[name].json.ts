import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetPaths, datasetJson, type Dataset } from '../../../data/datasets.ts';
import { fileResponse } from '../../../lib/file-response.ts';

export const getStaticPaths = datasetPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => fileResponse(datasetJson((props as { dataset: Dataset }).dataset), '.json');
