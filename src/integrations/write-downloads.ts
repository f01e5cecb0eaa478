/**
 * `node src/integrations/write-downloads.ts <dir> < model`: writes every
 * download file of the site (data/download-files.ts) into an empty <dir>,
 * from a validated content model read from standard input as written by
 * v8.serialize, and prints a summary. Run by the downloads integration beside
 * the renderer in a full build.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize } from 'node:v8';
import { adoptContentModel } from '../loaders/content-files.ts';
import type { ContentModel } from '../lib/content/content-model.ts';
import { downloadFiles } from '../data/download-files.ts';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: write-downloads.ts <dir> < serialized-model');

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
adoptContentModel(deserialize(Buffer.concat(chunks)) as ContentModel);
chunks.length = 0;

rmSync(dir, { recursive: true, force: true });
const made = new Set<string>();
let files = 0;
let bytes = 0;
for await (const { path, text } of downloadFiles()) {
  const file = join(dir, path);
  const parent = dirname(file);
  if (!made.has(parent)) {
    mkdirSync(parent, { recursive: true });
    made.add(parent);
  }
  const data = Buffer.from(text);
  writeFileSync(file, data);
  files += 1;
  bytes += data.byteLength;
}
console.log(`下载文件：${files} 个（${(bytes / 1e6).toFixed(1)} MB），在页面生成的同时写出`);
