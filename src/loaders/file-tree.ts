/** The one directory walker: every file under a folder, for the loaders, integrations, scripts and tests. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir`, subfolders included, as full paths in path order (so results do not depend on the file system). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
    })
    .sort();
}
