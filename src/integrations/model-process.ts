/**
 * The build's child processes: the search index (write-search-index.ts) and
 * the downloads (write-downloads.ts) depend only on the content, not on the
 * pages, so each is made in a process of its own while Astro renders. On two
 * cores that hides their time, and their memory is not added to the
 * renderer's. Each is handed the content model the content gate validated, on
 * its standard input, so the content is validated once per build: the whole
 * model, whose bytes the renderer made when it copied it (keepOwnStrings),
 * and each child takes the site's view of it (drafts left out) itself.
 */
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { deserialize, serialize } from 'node:v8';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ContentModel } from '../lib/content/content-model.ts';
import { serialisedCopy } from '../lib/content/content-cache.ts';
import { writeBuiltFile } from './built-files.ts';

/** The serialised model, made once for the children started in the same turn (141 MB at province scale). */
let sent: { model: ContentModel; bytes: Buffer } | undefined;

function serialised(model: ContentModel): Buffer {
  if (sent?.model !== model) {
    sent = { model, bytes: serialisedCopy(model) ?? serialize(model) };
    // Let go once the children of this turn have it: the renderer keeps its memory for the pages.
    setImmediate(() => (sent = undefined));
  }
  return sent.bytes;
}

/**
 * Runs `script` with `args`, sending it `model` on its standard input;
 * resolves with what it printed. `what` names the work in the error staff
 * and administrators see. With `yielding`, the process runs at a lower
 * priority, so that on a busy machine the renderer, which the build waits
 * for, goes first. Without a model, its input is left open until this
 * process ends, so that it can tell when the build has stopped.
 */
export function runWithModel(
  script: string,
  args: readonly string[],
  model: ContentModel | undefined,
  { what, yielding = false }: { what: string; yielding?: boolean },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    if (yielding && child.pid !== undefined) setPriority(child.pid, 10);
    child.stdin.on('error', reject);
    if (model) child.stdin.end(serialised(model));
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`${what}生成失败（退出码 ${code}）：\n${err}`))));
  });
}

/** In the child: the model as `runWithModel` sent it. Its serialised bytes are unreachable once this returns. */
export async function receivedModel(): Promise<ContentModel> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return deserialize(Buffer.concat(chunks)) as ContentModel;
}

/**
 * In the child: writes a file, making its folder first the first time a file goes there (tens of thousands of
 * files share a few hundred folders).
 */
export function fileWriter(): (file: string, bytes: Uint8Array) => void {
  const made = new Set<string>();
  return (file, bytes) => {
    const parent = dirname(file);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeBuiltFile(file, bytes);
  };
}

/** Renames `from` to `to`, or copies it where the cache directory is on another file system than the output. */
export function moveInto(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/** Moves every file under the folder `from` into the folder `to`, which may hold others: whole folders where `to` has none. */
export function mergeInto(from: string, to: string): void {
  if (!existsSync(to) || !statSync(from).isDirectory()) return moveInto(from, to);
  for (const name of readdirSync(from)) mergeInto(join(from, name), join(to, name));
}
