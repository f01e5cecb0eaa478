/** The original extracted texts each page was made from, for anyone checking our transcription. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { sourceTexts } from '../../data/source-texts.ts';
import { fileResponse } from '../../lib/file-response.ts';

export const getStaticPaths = (() =>
  [...sourceTexts()].map(([id, path]) => ({ params: { id }, props: { path } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => fileResponse(readFileSync((props as { path: string }).path, 'utf8'), '.txt');
