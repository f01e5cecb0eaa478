/**
 * The original extracted texts in content/sources/, by document id. Not every
 * document has one (a briefing written directly as MDX has no extracted
 * text), so pages link to a source text only when it exists.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { contentRoot, oncePerContent } from '../loaders/content-files.ts';

export const sourceTexts = oncePerContent((): Map<string, string> => {
  const dir = join(contentRoot(), 'sources');
  // No sources folder: no source texts.
  const names = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.txt')) : [];
  return new Map(names.map((name) => [name.replace(/\.txt$/, ''), join(dir, name)]));
});
