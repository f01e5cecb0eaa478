/**
 * `node src/integrations/write-search-index.ts <dir>`: writes the current
 * content's search index into <dir> (emptied first) and prints a summary.
 * Run by the search-index integration beside the renderer. The content is
 * read without the module cache, so the model is freed once the records are
 * made and the index is built in less memory.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { contentRoot, ContentValidationError, displayRoot, readContentFiles } from '../loaders/content-files.ts';
import { validateContent } from '../lib/content/validate-content.ts';
import { buildSearchIndex } from '../lib/search/search-shards.ts';
import { searchIndexInputs } from './search-index.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: write-search-index.ts <dir>');

function inputs() {
  const { model, issues } = validateContent(readContentFiles(), displayRoot());
  if (issues.length > 0) throw new ContentValidationError(issues);
  return searchIndexInputs(model, contentRoot());
}

const { records, vocabulary } = inputs();
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
