/**
 * `node scripts/bench/search-everyday.ts`: the everyday-word queries of
 * test/search/everyday.json (and, with `--all`, every query set) run in-process
 * with the site's own search code against an index built in memory from the
 * current content, without building the site or starting a browser: hit@1
 * and hit@5 per kind, the tuning set's misses listed, held-out misses only
 * counted, and the bytes (gzip) the costliest query reads cold, the median, and how many are over the budget.
 * `CONTENT_DIR=<dir>` runs it on another content tree (the province corpus of `npm run corpus -- province <dir>`):
 * there only the bytes mean something, since the sets' addresses are those of the site's own content.
 * The browser benchmark (`npm run bench:search`) remains the measure that is reported; this one is for studying the engine quickly.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { loadSiteModel } from '../../src/loaders/content-files.ts';
import { searchIndexInputs } from '../../src/integrations/search-index.ts';
import { buildSearchIndex } from '../../src/lib/search/search-index-writer.ts';
import { openSearchIndex, queryShardedIndex, runtimeSegmenter } from '../../src/lib/search/search-shards.ts';
import type { SearchIndexMeta } from '../../src/lib/search/search-index-format.ts';
import { allQueryCases, outcomeOf, qualityByKind } from './search-evaluation.ts';

const everySet = process.argv.includes('--all');
/** `--except <set>` leaves a set out (a held-out set not to be looked at while the engine is changed). */
const exceptIndex = process.argv.indexOf('--except');
const leftOut = exceptIndex >= 0 ? process.argv[exceptIndex + 1] : undefined;
/** The issue's budget for a cold first query: 150 KB on the site's own content, 300 KB at province scale (CONTENT_DIR=<corpus>). */
const COLD_BUDGET_KB = process.env.CONTENT_DIR ? 300 : 150;
const cases = allQueryCases((file) => readFileSync(file, 'utf8')).filter(
  (c) => (everySet || c.kind.startsWith('everyday')) && (!leftOut || c.set !== leftOut),
);
const { records, vocabulary } = searchIndexInputs(loadSiteModel());
const files = new Map<string, string>();
buildSearchIndex(records, vocabulary, (path, text) => files.set(path, text));
const meta = JSON.parse(files.get('meta.json')!) as SearchIndexMeta;
const index = openSearchIndex({
  meta,
  load: async (path) => files.get(path) ?? Promise.reject(new Error(`no ${path}`)),
  segment: runtimeSegmenter(),
});

const outcomes: ReturnType<typeof outcomeOf>[] = [];
const gzipped = new Map<string, number>();
const costs: { query: string; bytes: number; files: number }[] = [];
for (const c of cases) {
  const response = await queryShardedIndex(index, c.query, { limit: 20 });
  outcomes.push(
    outcomeOf(
      c,
      response.hits.map((h) => encodeURI(h.record.url)),
    ),
  );
  // The same query on a page that has not searched yet: the files a fresh index reads.
  const read = new Set<string>(['meta.json']);
  const cold = openSearchIndex({
    meta,
    load: async (path) => (read.add(path), files.get(path) ?? Promise.reject(new Error(`no ${path}`))),
    segment: runtimeSegmenter(),
  });
  await queryShardedIndex(cold, c.query, { limit: 20 });
  const size = (path: string) => gzipped.get(path) ?? gzipped.set(path, gzipSync(files.get(path) ?? '', { level: 9 }).length).get(path)!;
  costs.push({ query: c.query, bytes: [...read].reduce((sum, path) => sum + size(path), 0), files: read.size });
}
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log('| kind | queries | hit@1 | hit@5 | MRR | zero results |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const { kind, quality: q } of qualityByKind(cases, outcomes))
  console.log(
    `| ${kind} | ${q.queries} | ${pct(q.hitAt1)} (${Math.round(q.hitAt1 * q.queries)}) | ${pct(q.hitAt5)} (${Math.round(q.hitAt5 * q.queries)}) | ${q.mrr.toFixed(3)} | ${q.zeroResults} |`,
  );
const byCost = [...costs].sort((a, b) => b.bytes - a.bytes);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(
  `\ncostliest cold queries: ${byCost
    .slice(0, 3)
    .map((c) => `${c.query} ${kb(c.bytes)} in ${c.files} files`)
    .join(
      '; ',
    )}; median ${kb(byCost[Math.floor(byCost.length / 2)]!.bytes)}; over ${COLD_BUDGET_KB} KB: ${byCost.filter((c) => c.bytes > COLD_BUDGET_KB * 1024).length}`,
);
// Held-out queries are counted, never listed: whoever tunes the engine must not see them.
const listMisses = (title: string, missed: (rank: number | undefined) => boolean) => {
  console.log(`\n${title} (rank, top three):`);
  outcomes.forEach((o, i) => {
    if (cases[i]!.heldOut || !missed(o.rank)) return;
    console.log(`  ${o.query} (${o.rank ?? '-'}) → ${o.top.slice(0, 3).map(decodeURI).join(' ') || '(no results)'}`);
  });
};
listMisses('misses of the sets that are not held out', (rank) => rank === undefined || rank > 5);
listMisses('found on the first screen but not first', (rank) => rank !== undefined && rank > 1 && rank <= 5);
