/**
 * `npm run corpus -- <scale|province> [out-dir]`: writes the synthetic corpus
 * (see scripts/corpus/synthetic-corpus.ts) for benchmarks. Build it with
 * `CONTENT_DIR=<out-dir> npm run build`. The output never goes into content/.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readContentFiles } from '../../src/loaders/content-files.ts';
import { PROVINCE_SCALE, syntheticCorpus } from './synthetic-corpus.ts';

/** Marks a directory this script wrote, so a later run may replace it and nothing else. */
const MARKER = '.synthetic-corpus';

export function corpusDir(scale: number): string {
  return join(tmpdir(), `yihao-corpus-${scale}x`);
}

/** Writes the corpus at `scale` into `out` and returns how many files it wrote. */
export function writeCorpus(scale: number, out = corpusDir(scale)): number {
  const target = resolve(out);
  const content = resolve('content');
  if (!relative(content, target).startsWith('..') || target === resolve('.'))
    throw new Error(`合成语料不能写入 ${out}：它会混进发布的内容。请换一个 content/ 以外的目录。`);
  if (existsSync(target) && readdirSync(target).length > 0) {
    if (!existsSync(join(target, MARKER))) throw new Error(`${out} 已有其他文件，合成语料只写入空目录或它自己写过的目录。`);
    rmSync(target, { recursive: true });
  }
  let count = 0;
  for (const file of syntheticCorpus(readContentFiles(content), scale)) {
    const path = join(target, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
    count += 1;
  }
  writeFileSync(join(target, MARKER), `scale ${scale}\n`);
  return count;
}

if (import.meta.main) {
  const [scaleArg = '10', out] = parseArgs({ allowPositionals: true, options: {} }).positionals;
  const scale = scaleArg === 'province' ? PROVINCE_SCALE : Number(scaleArg);
  const dir = out ?? corpusDir(scale);
  const files = writeCorpus(scale, dir);
  console.log(`已写入 ${scale}× 合成语料：${files} 个文件，位于 ${dir}`);
  console.log(`构建：CONTENT_DIR=${dir} npm run build`);
}
