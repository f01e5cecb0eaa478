/**
 * The file side shared by the integrations that read the built site after the
 * build: every file under its folder. What to do with each file is theirs, in
 * pure modules of lib/.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir`, subfolders included, as full paths in path order. */
export function builtFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? builtFiles(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}
