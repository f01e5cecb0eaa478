import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readContentFiles } from '../../src/loaders/content-files.ts';
import type { ContentFile } from '../../src/lib/content/content-model.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const MINIMAL = join(FIXTURES, 'content-minimal');
const INVALID = join(FIXTURES, 'invalid');

/** The minimal valid tree with one case's files laid over it. */
export function withOverlay(caseName: string): ContentFile[] {
  const files = new Map(readContentFiles(MINIMAL).map((file) => [file.path, file]));
  const overlayDir = join(INVALID, caseName);
  if (existsSync(overlayDir)) for (const file of readContentFiles(overlayDir)) files.set(file.path, file);
  return [...files.values()];
}

export function invalidCases(): string[] {
  return readdirSync(INVALID).sort();
}
