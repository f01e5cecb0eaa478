/**
 * The file side shared by the integrations that read the built site after the
 * build: every file under its folder. What to do with each file is theirs, in
 * pure modules of lib/.
 */
import { filesUnder } from '../loaders/file-tree.ts';

/** Every file under `dir`, subfolders included, as full paths in path order. */
export const builtFiles: (dir: string) => string[] = filesUnder;
