import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetCsv, type Dataset } from '../../../data/datasets.ts';
import { datasetPaths } from '../../../data/download-paths.ts';
import { fileResponse } from '../../../lib/file-response.ts';

export const getStaticPaths = datasetPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => fileResponse(datasetCsv((props as { dataset: Dataset }).dataset), '.csv');
