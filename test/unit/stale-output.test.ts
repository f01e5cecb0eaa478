import { describe, expect, test } from 'vitest';
import { staleOutputFiles } from '../../src/lib/stale-output.ts';

const started = 1_000_000n;
const kept = new Set(['/site/briefings/old/index.html', '/site/briefings/new/index.html']);

describe('staleOutputFiles', () => {
  test('a file is stale when this build neither wrote it nor kept it as one of its pages', () => {
    const files = [
      { path: '/site/briefings/new/index.html', modified: 1_000_500n }, // rendered by this build
      { path: '/site/briefings/old/index.html', modified: 400n }, // left in place: unchanged
      { path: '/site/briefings/withdrawn/index.html', modified: 400n }, // no longer a page
      { path: '/site/_astro/app.1a2b.js', modified: 900_000n }, // a bundle of older code
      { path: '/site/sitemap.xml', modified: 1_000_000n }, // written as the build started
    ];
    expect(staleOutputFiles(files, kept, started, { precompressed: false })).toEqual([
      '/site/briefings/withdrawn/index.html',
      '/site/_astro/app.1a2b.js',
    ]);
  });

  test('a compressed copy stays only when the build compresses and its file is kept and unchanged since', () => {
    const files = [
      { path: '/site/briefings/old/index.html', modified: 400n },
      { path: '/site/briefings/old/index.html.gz', modified: 500n }, // made after its file: still its copy
      { path: '/site/briefings/old/index.html.br', modified: 500n },
      { path: '/site/briefings/new/index.html', modified: 1_000_500n }, // rewritten: its old copies are not of it
      { path: '/site/briefings/new/index.html.gz', modified: 500n },
      { path: '/site/briefings/withdrawn/index.html', modified: 400n },
      { path: '/site/briefings/withdrawn/index.html.br', modified: 500n },
      { path: '/site/search-index/meta.json.gz', modified: 500n }, // its file was replaced, then deleted
    ];
    expect(staleOutputFiles(files, kept, started, { precompressed: true })).toEqual([
      '/site/briefings/new/index.html.gz',
      '/site/briefings/withdrawn/index.html',
      '/site/briefings/withdrawn/index.html.br',
      '/site/search-index/meta.json.gz',
    ]);
    // A build that does not compress keeps no compressed copy.
    expect(staleOutputFiles(files, kept, started, { precompressed: false })).toEqual([
      '/site/briefings/old/index.html.gz',
      '/site/briefings/old/index.html.br',
      '/site/briefings/new/index.html.gz',
      '/site/briefings/withdrawn/index.html',
      '/site/briefings/withdrawn/index.html.br',
      '/site/search-index/meta.json.gz',
    ]);
  });
});
