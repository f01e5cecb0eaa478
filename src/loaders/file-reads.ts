/**
 * What reading each content file gave, kept on disk between builds: the desk
 * builds after every publication, and a publication changes a few of a
 * province's 5,500 files, while reading them all (MDX parsing, schema checks)
 * took most of the content gate's seconds. An entry is named by a digest of
 * the code version, the file's shown path and its text, so a changed file or
 * changed code is read afresh; entries no build used are removed. Reading
 * every file's text only to digest it took a second more (190 MB), so a file
 * whose size, modification time and inode are as when it was last read is
 * taken to hold the same text.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileReads } from '../lib/content/validate-content.ts';
import { filesUnder, keptJson } from './file-tree.ts';
import { digestOfText } from '../lib/content/content-digests.ts';

/**
 * A digest of the code that reads content in `projectRoot`: Node, everything under src/, and the locked packages,
 * by their paths within the project, so the same code checked out elsewhere has the same version.
 */
export function codeVersion(projectRoot: string): string {
  const hash = createHash('sha256').update(process.version);
  for (const file of [...filesUnder(join(projectRoot, 'src')), join(projectRoot, 'package-lock.json')])
    hash.update(relative(projectRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** Where the states of the files read last are kept in the folder, beside the entries. */
const STATES_FILE = 'states.json';

/** The process-wide digests of content files' text, by full path (see `keptTextDigest`). */
const TEXT_DIGESTS = Symbol.for('yihao-gaige-site.content-text-digests');
const shared = globalThis as typeof globalThis & { [TEXT_DIGESTS]?: Map<string, string> };

/**
 * The digest of the text of the content file at `path` (`digestOfText`), as this process's content gate took it
 * from its kept reads, or undefined: the document loader and the downloads' keys then need not read the file again.
 */
export function keptTextDigest(path: string): string | undefined {
  return shared[TEXT_DIGESTS]?.get(path);
}

/**
 * File reads kept in `dir` for code of `version`, of the files under `root`. Call `prune()` once the content is
 * validated, to drop the entries this build did not use and keep the files' states for the next.
 *
 * An entry is found by the digest of the file's text. A file given with its state (`ContentFile.state`) in the
 * state it had when last read here is not read at all: its text's digest is the one kept with that state.
 *
 * With `readOnly`, entries are used but none is written and `prune` does nothing: for a process checking the
 * same content beside the build's content gate, which keeps them (integrations/search-index.ts).
 */
export function fileReadsIn(dir: string, version: string, root = '', { readOnly = false } = {}): { reads: FileReads; prune: () => void } {
  if (!readOnly) mkdirSync(dir, { recursive: true });
  const used = new Set<string>([STATES_FILE]);
  const known = new Map(
    keptJson<[string, string, string][]>(join(dir, STATES_FILE))?.map(([file, state, digest]) => [file, { state, digest }]),
  );
  const states: [file: string, state: string, digest: string][] = [];
  const digests = (shared[TEXT_DIGESTS] = new Map());
  const reads: FileReads = (file, source, read) => {
    const kept = source.state === undefined ? undefined : known.get(file);
    const digest = kept !== undefined && kept.state === source.state ? kept.digest : digestOfText(source.text);
    if (source.state !== undefined) states.push([file, source.state, digest]);
    digests.set(join(root, source.path), digest);
    const name = createHash('sha256').update(version).update('\0').update(file).update('\0').update(digest).digest('hex');
    used.add(name);
    const path = join(dir, name);
    if (existsSync(path)) {
      try {
        return deserialize(readFileSync(path));
      } catch {
        // Half written by a build that was stopped: read the file again below.
      }
    }
    const bytes = serialize(read(source.text));
    // Written whole or not at all, so a build stopped part-way leaves no entry to misread.
    if (!readOnly) writeWhole(path, bytes);
    // Read back like a kept entry, so that it holds its own strings and the file's text can go.
    return deserialize(bytes);
  };
  reads.givesOwnStrings = true;
  const prune = () => {
    if (readOnly) return;
    for (const name of readdirSync(dir)) if (!used.has(name)) rmSync(join(dir, name), { force: true });
    writeWhole(join(dir, STATES_FILE), JSON.stringify(states));
  };
  return { reads, prune };
}

function writeWhole(path: string, data: string | Uint8Array): void {
  writeFileSync(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
}
