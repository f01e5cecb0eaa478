/**
 * `node src/integrations/write-search-index.ts <dir> <state-file> [--update [<content-reads-dir>]] < model`:
 * writes the search index of a validated content model, read from standard
 * input as written by v8.serialize, into <dir> and prints a summary. Run by
 * the search-index integration beside the renderer, which sends it the model
 * the content gate validated, or, for an update, has it check the content
 * itself from the gate's kept reads (`checkedHere`). The model is freed once
 * the records are made, so the index is built in less memory.
 *
 * A full build writes into an empty <dir>. With `--update` (a `--changed`
 * build), <dir> is the previous build's index, in the output folder, and
 * <state-file> what that build said of it (SearchIndexState): the index is
 * updated for the edit (search-index-update.ts), reading and writing only the
 * files the edit concerns. Without a state that matches the index and this
 * code, or when the edit moves the index's layout, the whole index is built
 * again, and a file whose bytes are already there is left as it is. Either
 * way a file left alone keeps its compressed copies, and the desk's next
 * release shares it with the last; a file the index no longer has is deleted.
 * Writing in place spares the build renaming every changed file into the
 * output afterwards (about 5 s for a new briefing at province scale).
 *
 * With PRECOMPRESS=1 the files it writes are compressed here too, while the
 * renderer is still at work, rather than by the build once both are done.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Socket } from 'node:net';
import { checkContent, contentRoot } from '../loaders/content-files.ts';
import { codeVersion, fileReadsIn } from '../loaders/file-reads.ts';
import { publishedContent } from '../lib/published-view.ts';
import type { ContentModel } from '../lib/content/content-model.ts';
import { buildSearchIndex, type SearchIndexState } from '../lib/search/search-index-writer.ts';
import { indexDigest } from '../lib/search/vocabulary-files.ts';
import { updateSearchIndex, type PreviousIndex } from '../lib/search/search-index-update.ts';
import { compressedCopyPaths, isCompressedCopy, originalOfCopy } from '../lib/precompression.ts';
import { builtFiles } from './built-files.ts';
import { holdsBytes, keptJson } from '../loaders/file-tree.ts';
import { compressedSummary, compressFiles } from './precompress.ts';
import { PRECOMPRESSED_BUILD } from '../lib/build-mode.ts';
import { searchIndexInputs } from './search-index.ts';
import { removeEmptyFolders } from './stale-output.ts';
import { fileWriter, receivedModel } from './model-process.ts';

const [dir, stateFile, mode, readsDir] = process.argv.slice(2);
if (!dir || !stateFile || (mode !== undefined && mode !== '--update'))
  throw new Error('usage: write-search-index.ts <dir> <state-file> [--update [<content-reads-dir>]] < serialized-model');
const update = mode === '--update';

/**
 * The content, checked here from the build's kept file reads in <content-reads-dir> rather than sent: started
 * with the build, this process need not wait for the content gate, nor the renderer serialise the model for it.
 * It checks the same files with the same code, so it finds the same model; on any problem it stops before
 * writing anything, as the gate stops the build. Its input stays open while the build runs: when it closes
 * early, the build has stopped, and so does this.
 */
function checkedHere(reads: string): ContentModel {
  process.stdin.on('end', () => process.exit(1)).resume();
  (process.stdin as Socket).unref();
  const root = contentRoot();
  const kept = fileReadsIn(reads, codeVersion(fileURLToPath(new URL('../..', import.meta.url))), root, { readOnly: true });
  const { model, issues } = checkContent(root, kept.reads);
  if (issues.length > 0) process.exit(1);
  return model;
}

/** The code that decides the index's bytes: a state written by other code does not describe what this code would write. */
function codeDigest(): string {
  const hash = createHash('sha1');
  const search = fileURLToPath(new URL('../lib/search/', import.meta.url));
  for (const name of readdirSync(search).sort()) hash.update(name).update(readFileSync(join(search, name)));
  for (const name of ['write-search-index.ts', 'search-index.ts']) hash.update(readFileSync(fileURLToPath(new URL(name, import.meta.url))));
  return hash.digest('base64url');
}

/** What the state file holds: the code that wrote the index, its state, and whether every file has its compressed copies. */
interface SavedState {
  code?: string;
  state?: SearchIndexState;
  precompressed?: boolean;
}
const saved = keptJson<SavedState>(stateFile) ?? {};

/** The previous index in <dir>, when the state file describes it and was written by this code. */
function previousIndex(code: string): PreviousIndex | undefined {
  const meta = join(dir!, 'meta.json');
  if (saved.code !== code || !saved.state || !existsSync(meta) || indexDigest(readFileSync(meta, 'utf8')) !== saved.state.meta)
    return undefined;
  return {
    state: saved.state,
    files: builtFiles(dir!)
      .filter((file) => !isCompressedCopy(file))
      .map((file) => relative(dir!, file)),
    read: (path) => (existsSync(join(dir!, path)) ? readFileSync(join(dir!, path), 'utf8') : undefined),
  };
}

const { records, vocabulary } = searchIndexInputs(
  publishedContent(readsDir ? checkedHere(readsDir) : await receivedModel()),
  contentRoot(),
);
const code = codeDigest();
const previous = update ? previousIndex(code) : undefined;
// Gone until the index is whole again: a build that stops half-way leaves files its state would not describe.
rmSync(stateFile, { force: true });
if (!update) rmSync(dir, { recursive: true, force: true });
const writeFile = fileWriter();
const written: string[] = [];
let unchanged = 0;
/** Writes a file of the index, unless an update finds its bytes already there. */
const write = (path: string, text: string) => {
  const file = join(dir, path);
  const bytes = Buffer.from(text);
  if (update && holdsBytes(file, bytes)) {
    unchanged += 1;
    return;
  }
  writeFile(file, bytes);
  written.push(file);
};

/** Deletes a file of the index and its compressed copies. */
const remove = (file: string) => {
  for (const path of [file, ...compressedCopyPaths(file)]) rmSync(path, { force: true });
  removeEmptyFolders(dirname(file), dir);
};
const updated = previous && updateSearchIndex(previous, records, vocabulary, write, (path) => remove(join(dir, path)));
let state: SearchIndexState;
let summary: string;
/** The index's files, when they were listed: an update of an index whose copies are as this build wants them lists none. */
let listed: string[] | undefined;
if (updated?.updated) {
  state = updated.state;
  const same = updated.files - (updated.written - unchanged);
  summary = `${updated.files} 个文件，${same} 个文件与上次相同（按改动更新了 ${updated.groups} 组记录、${updated.shards} 个分片）`;
} else {
  const produced = new Set<string>();
  const built = buildSearchIndex(records, vocabulary, (path, text) => {
    produced.add(join(dir, path));
    write(path, text);
  });
  state = built.state;
  mkdirSync(dir, { recursive: true });
  // Files of the previous index the new one does not have.
  if (update) for (const file of (listed = builtFiles(dir))) if (!produced.has(file) && !isCompressedCopy(file)) remove(file);
  const why = !update ? '' : updated ? `（整体重建：${updated.reason}）` : '（整体重建：没有可用的上次索引状态）';
  summary = `${built.files} 个文件${update ? `，${unchanged} 个文件与上次相同` : ''}${why}`;
}
/**
 * The compressed copies are made here, so that the build need not look at the index's 110,000 files once it is
 * done (about 0.8 s of each publication at province scale): a file written gets new copies or loses its old ones.
 * After an update of an index whose copies were as this build wants them (its state says so), that is all. After a
 * whole rebuild, which may follow a build stopped between writing a file and its copies, or when the previous build
 * compressed and this one does not or the reverse, every file is looked at: a copy older than its file, or of a
 * file gone, is stale.
 */
if (update && (!updated?.updated || saved.precompressed !== PRECOMPRESSED_BUILD)) {
  const files = (listed ?? builtFiles(dir)).filter((file) => existsSync(file));
  const present = new Set(files);
  const fresh = new Set(written);
  for (const file of files) {
    if (isCompressedCopy(file)) {
      if (!present.has(originalOfCopy(file))) rmSync(file);
    } else if (!PRECOMPRESSED_BUILD) {
      for (const copy of compressedCopyPaths(file)) if (present.has(copy)) rmSync(copy);
    } else if (!fresh.has(file)) {
      const modified = statSync(file).mtimeMs;
      if (compressedCopyPaths(file).some((copy) => !present.has(copy) || statSync(copy).mtimeMs < modified)) written.push(file);
    }
  }
}
if (PRECOMPRESSED_BUILD) summary += `；${compressedSummary(await compressFiles(written))}`;
else if (update) for (const file of written) for (const copy of compressedCopyPaths(file)) rmSync(copy, { force: true });
mkdirSync(dirname(stateFile), { recursive: true });
writeFileSync(stateFile, JSON.stringify({ code, state, precompressed: PRECOMPRESSED_BUILD } satisfies SavedState));
console.log(`搜索索引：${records.length} 条记录，${summary}`);
