import { expect, test } from 'vitest';
import { staleOutputFiles } from '../../src/lib/stale-output.ts';

test('a file is stale when this build neither wrote it nor kept it as one of its pages', () => {
  const started = 1_000_000n;
  const files = [
    { path: '/site/briefings/new/index.html', modified: 1_000_500n }, // rendered by this build
    { path: '/site/briefings/old/index.html', modified: 400n }, // left in place: unchanged
    { path: '/site/briefings/withdrawn/index.html', modified: 400n }, // no longer a page
    { path: '/site/_astro/app.1a2b.js', modified: 900_000n }, // a bundle of older code
    { path: '/site/sitemap.xml', modified: 1_000_000n }, // written as the build started
  ];
  expect(staleOutputFiles(files, new Set(['/site/briefings/old/index.html', '/site/briefings/new/index.html']), started)).toEqual([
    '/site/briefings/withdrawn/index.html',
    '/site/_astro/app.1a2b.js',
  ]);
});
