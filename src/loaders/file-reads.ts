/**
 * What reading each content file gave, kept on disk between builds: the desk
 * builds after every publication, and a publication changes a few of a
 * province's 5,500 files, while reading them all (MDX parsing, schema checks)
 * took most of the content gate's seconds. An entry is named by a digest of
 * the code version, the file's shown path and its text, so a changed file or
 * changed code is read afresh; entries no build used are removed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileReads } from '../lib/content/validate-content.ts';
import { filesUnder } from './file-tree.ts';

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

/**
 * File reads kept in `dir` for code of `version`. Call `prune()` once the
 * content is validated, to drop the entries this build did not use.
 */
export function fileReadsIn(dir: string, version: string): { reads: FileReads; prune: () => void } {
  mkdirSync(dir, { recursive: true });
  const used = new Set<string>();
  const reads: FileReads = (file, text, read) => {
    const name = createHash('sha256').update(version).update('\0').update(file).update('\0').update(text).digest('hex');
    used.add(name);
    const path = join(dir, name);
    if (existsSync(path)) {
      try {
        return deserialize(readFileSync(path));
      } catch {
        // Half written by a build that was stopped: read the file again below.
      }
    }
    const bytes = serialize(read());
    // Written whole or not at all, so a build stopped part-way leaves no entry to misread.
    writeFileSync(`${path}.tmp`, bytes);
    renameSync(`${path}.tmp`, path);
    // Read back like a kept entry, so that it holds its own strings and the file's text can go.
    return deserialize(bytes);
  };
  reads.givesOwnStrings = true;
  const prune = () => {
    for (const name of readdirSync(dir)) if (!used.has(name)) rmSync(join(dir, name), { force: true });
  };
  return { reads, prune };
}
