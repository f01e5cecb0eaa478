/** The original extracted texts each page was made from, for anyone checking our transcription. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentRoot } from '../../loaders/content-files.ts';

export const getStaticPaths = (() => {
  const dir = join(contentRoot(), 'sources');
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.txt'));
  } catch {
    names = [];
  }
  return names.map((name) => ({ params: { id: name.replace(/\.txt$/, '') }, props: { path: join(dir, name) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(readFileSync((props as { path: string }).path, 'utf8'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
