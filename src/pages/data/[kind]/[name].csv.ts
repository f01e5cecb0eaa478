import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetPaths, datasetCsv, type Dataset } from '../../../data/datasets.ts';
import { fileResponse } from '../../../lib/file-response.ts';

export const getStaticPaths = datasetPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => fileResponse(datasetCsv((props as { dataset: Dataset }).dataset), '.csv');
