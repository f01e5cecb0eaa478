/**
 * `node src/integrations/write-search-index.ts <dir> < model`: writes the
 * search index of a validated content model, read from standard input as
 * written by v8.serialize, into <dir> (emptied first) and prints a summary.
 * Run by the search-index integration beside the renderer, which sends it
 * the model the content gate validated. The model is freed once the records
 * are made, so the index is built in less memory.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize } from 'node:v8';
import { contentRoot } from '../loaders/content-files.ts';
import type { ContentModel } from '../lib/content/content-model.ts';
import { buildSearchIndex } from '../lib/search/search-index-writer.ts';
import { searchIndexInputs } from './search-index.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: write-search-index.ts <dir> < serialized-model');

/** The model as sent; its serialised bytes are unreachable once this returns, so they are freed while the records are made. */
async function readModel(): Promise<ContentModel> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return deserialize(Buffer.concat(chunks)) as ContentModel;
}

const { records, vocabulary } = searchIndexInputs(await readModel(), contentRoot());
rmSync(dir, { recursive: true, force: true });
const made = new Set<string>();
const files = buildSearchIndex(records, vocabulary, (path, text) => {
  const parent = dirname(join(dir, path));
  if (!made.has(parent)) {
    mkdirSync(parent, { recursive: true });
    made.add(parent);
  }
  writeFileSync(join(dir, path), text);
});
console.log(`搜索索引：${records.length} 条记录，${files} 个文件`);
