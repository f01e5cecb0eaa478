/**
 * `node src/integrations/write-downloads.ts <dir> < model`: writes every
 * download file of the site (data/download-files.ts) into an empty <dir>,
 * from a validated content model read from standard input as written by
 * v8.serialize, and prints a summary. Run by the downloads integration beside
 * the renderer in a full build.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { adoptContentModel } from '../loaders/content-files.ts';
import { downloadFiles } from '../data/download-files.ts';
import { fileWriter, receivedModel } from './model-process.ts';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: write-downloads.ts <dir> < serialized-model');

adoptContentModel(await receivedModel());

rmSync(dir, { recursive: true, force: true });
const writeFile = fileWriter();
let files = 0;
let bytes = 0;
for await (const { path, text } of downloadFiles()) {
  const data = Buffer.from(text);
  writeFile(join(dir, path), data);
  files += 1;
  bytes += data.byteLength;
}
console.log(`下载文件：${files} 个（${(bytes / 1e6).toFixed(1)} MB），在页面生成的同时写出`);
