/**
 * The download endpoints' paths (`/data/<kind>/<name>.csv` and `.json`,
 * `/data/charts/<chart>.csv`), for `astro dev` and `npm run build --
 * --changed`, which renders only the downloads whose key changed. A full
 * build has nothing to reuse and writes them beside the renderer instead
 * (integrations/downloads.ts), so its endpoints have no paths.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentRoot, oncePerContent } from '../loaders/content-files.ts';
import { CHANGED_BUILD, VITE_MODE } from '../lib/build-mode.ts';
import { digestOfText } from '../lib/content/content-digests.ts';
import { keptTextDigest } from '../loaders/file-reads.ts';
import { allDatasets } from './datasets.ts';
import { allCharts } from './charts.ts';
import { chartKey, datasetKey } from './page-keys.ts';

const servedByEndpoints = VITE_MODE.dev || CHANGED_BUILD;

/** Digests of the source files, shared by a dataset's CSV and JSON downloads. */
const sourceDigests = oncePerContent(() => new Map<string, string>());

function sourceDigest(file: string): string {
  const path = join(contentRoot(), file);
  let digest = keptTextDigest(path) ?? sourceDigests().get(file);
  if (digest === undefined) sourceDigests().set(file, (digest = digestOfText(readFileSync(path, 'utf8'))));
  return digest;
}

/**
 * Each dataset's, keyed by its description, its source file's text, which the
 * downloads copy cell by cell, and the documents its rows cite (see datasetKey).
 */
export async function datasetPaths() {
  if (!servedByEndpoints) return [];
  return Promise.all(
    allDatasets().map(async (dataset) => {
      const [kind, name] = dataset.path.split('/') as [string, string];
      // The table's definition is code, which Astro hashes itself.
      const { table: _definition, rows, ...described } = dataset;
      const key = await datasetKey(rows as object[], described, () => sourceDigest(dataset.file));
      return { params: { kind, name }, props: { dataset }, cacheKey: key };
    }),
  );
}

/** Each chart's, keyed as its page and its embed are. */
export async function chartPaths() {
  if (!servedByEndpoints) return [];
  return Promise.all(
    (await allCharts()).map(async (chart) => ({
      params: { id: chart.spec.id },
      props: { spec: chart.spec },
      cacheKey: await chartKey(chart),
    })),
  );
}
