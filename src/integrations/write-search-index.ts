/**
 * `node src/integrations/write-search-index.ts <dir> [--update] < model`:
 * writes the search index of a validated content model, read from standard
 * input as written by v8.serialize, into <dir> and prints a summary. Run by
 * the search-index integration beside the renderer, which sends it the model
 * the content gate validated. The model is freed once the records are made,
 * so the index is built in less memory.
 *
 * A full build writes into an empty <dir>. With `--update` (a `--changed`
 * build), <dir> is the previous build's index, in the output folder: a file
 * whose bytes are already there is left as it is, so its compressed copies
 * stay valid and the desk's next release shares it with the last (a
 * corrected task cell changes a handful of the 37,000 files at province
 * scale); a changed file is written over, and a file the index no longer has
 * is deleted. Writing in place spares the build renaming every changed file
 * into the output afterwards (about 5 s for a new briefing at province scale).
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize } from 'node:v8';
import { contentRoot } from '../loaders/content-files.ts';
import type { ContentModel } from '../lib/content/content-model.ts';
import { buildSearchIndex } from '../lib/search/search-index-writer.ts';
import { isCompressedCopy } from '../lib/precompression.ts';
import { builtFiles } from './built-files.ts';
import { searchIndexInputs } from './search-index.ts';

const [dir, mode] = process.argv.slice(2);
if (!dir || (mode !== undefined && mode !== '--update'))
  throw new Error('usage: write-search-index.ts <dir> [--update] < serialized-model');
const update = mode === '--update';

/** The model as sent; its serialised bytes are unreachable once this returns, so they are freed while the records are made. */
async function readModel(): Promise<ContentModel> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return deserialize(Buffer.concat(chunks)) as ContentModel;
}

const { records, vocabulary } = searchIndexInputs(await readModel(), contentRoot());
if (!update) rmSync(dir, { recursive: true, force: true });
const made = new Set<string>();
const produced = new Set<string>();
let unchanged = 0;
/** Whether `file` holds these bytes already. */
const alreadyThere = (file: string, bytes: Buffer) =>
  statSync(file, { throwIfNoEntry: false })?.size === bytes.length && readFileSync(file).equals(bytes);
const files = buildSearchIndex(records, vocabulary, (path, text) => {
  const file = join(dir, path);
  const bytes = Buffer.from(text);
  produced.add(file);
  if (update && alreadyThere(file, bytes)) {
    unchanged += 1;
    return;
  }
  const parent = dirname(file);
  if (!made.has(parent)) {
    mkdirSync(parent, { recursive: true });
    made.add(parent);
  }
  writeFileSync(file, bytes);
});
mkdirSync(dir, { recursive: true });
// Files of the previous index the new one does not have (the search-index integration deletes their compressed copies once the index is complete).
if (update) for (const file of builtFiles(dir)) if (!produced.has(file) && !isCompressedCopy(file)) rmSync(file);
const kept = update ? `，${unchanged} 个文件与上次相同` : '';
console.log(`搜索索引：${records.length} 条记录，${files} 个文件${kept}`);
