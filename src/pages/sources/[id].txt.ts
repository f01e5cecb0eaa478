/** The original extracted texts each page was made from, for anyone checking our transcription. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { sourceTexts } from '../../data/source-texts.ts';

export const getStaticPaths = (() =>
  [...sourceTexts()].map(([id, path]) => ({ params: { id }, props: { path } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(readFileSync((props as { path: string }).path, 'utf8'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
