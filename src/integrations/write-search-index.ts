/**
 * `node src/integrations/write-search-index.ts <dir> [<previous>] < model`:
 * writes the search index of a validated content model, read from standard
 * input as written by v8.serialize, into <dir> (emptied first) and prints a
 * summary. Run by the search-index integration beside the renderer, which
 * sends it the model the content gate validated. The model is freed once the
 * records are made, so the index is built in less memory.
 *
 * Given the previous build's index, a file whose bytes are already there is
 * not written: its path goes into <dir>/unchanged.json instead, and the
 * integration keeps the previous copy (a corrected task cell changes a
 * handful of the 37,000 files at province scale).
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize } from 'node:v8';
import { contentRoot } from '../loaders/content-files.ts';
import type { ContentModel } from '../lib/content/content-model.ts';
import { buildSearchIndex } from '../lib/search/search-index-writer.ts';
import { searchIndexInputs, UNCHANGED_LIST } from './search-index.ts';

const [dir, previous] = process.argv.slice(2);
if (!dir) throw new Error('usage: write-search-index.ts <dir> [<previous>] < serialized-model');

/** The model as sent; its serialised bytes are unreachable once this returns, so they are freed while the records are made. */
async function readModel(): Promise<ContentModel> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return deserialize(Buffer.concat(chunks)) as ContentModel;
}

const { records, vocabulary } = searchIndexInputs(await readModel(), contentRoot());
rmSync(dir, { recursive: true, force: true });
const made = new Set<string>();
const unchanged: string[] = [];
/** Whether `previous` holds `path` with these bytes. */
const alreadyThere = (path: string, bytes: Buffer) => {
  if (!previous) return false;
  const size = statSync(join(previous, path), { throwIfNoEntry: false })?.size;
  return size === bytes.length && readFileSync(join(previous, path)).equals(bytes);
};
const files = buildSearchIndex(records, vocabulary, (path, text) => {
  const bytes = Buffer.from(text);
  if (alreadyThere(path, bytes)) {
    unchanged.push(path);
    return;
  }
  const parent = dirname(join(dir, path));
  if (!made.has(parent)) {
    mkdirSync(parent, { recursive: true });
    made.add(parent);
  }
  writeFileSync(join(dir, path), bytes);
});
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, UNCHANGED_LIST), JSON.stringify(unchanged));
console.log(`搜索索引：${records.length} 条记录，${files} 个文件`);
