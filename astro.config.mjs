// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { contentGate } from './src/integrations/content-gate.ts';
import { sitemap } from './src/integrations/sitemap.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { headingAnchorsPlugin } from './src/markdown/heading-anchors.ts';
import { siteAddress } from './src/integrations/site-address.ts';
import { precompress } from './src/integrations/precompress.ts';
import { staleOutput } from './src/integrations/stale-output.ts';
import { downloads } from './src/integrations/downloads.ts';
import { buildPhases } from './src/integrations/build-phases.ts';
import { parseSiteAddress } from './src/lib/routes.ts';
import { CHANGED_BUILD } from './src/lib/build-mode.ts';

// SITE_URL is the one address setting, path included (https://www.example.gov.cn/yshj/):
// links, assets and the search index get its path; canonical links, feed and sitemap its full address.
const address = parseSiteAddress(process.env.SITE_URL);
const phases = buildPhases();
const index = searchIndex();

export default defineConfig({
  ...(address.origin ? { site: `${address.origin}${address.base}` } : {}),
  base: address.base,
  output: 'static',
  trailingSlash: 'always',
  // Stylesheets always as files: the Content-Security-Policy allows no inline styles. Four pages at a time,
  // so one page renders while another's folder and file are written (about 10% less wall time, same output).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Scripts always as files too, however small: nor does it allow inline scripts. A `--changed` build writes
  // over the previous one's output, so that unchanged pages stay in place; staleOutput deletes what it no longer makes.
  vite: { build: { assetsInlineLimit: 0, emptyOutDir: !CHANGED_BUILD } },
  outDir: process.env.OUT_DIR ?? './dist',
  // Separate caches let test builds of fixture content run beside the real one.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  markdown: {
    // The documents hold no code, so no highlighter (and its 16 MB WebAssembly regex engine) is loaded.
    syntaxHighlight: false,
    processor: satteri({
      hastPlugins: [headingAnchorsPlugin()],
      // Chinese text uses its own quotation marks; ASCII quote conversion would alter the source.
      features: { smartPunctuation: false },
    }),
  },
  // Build-done hooks run in this order. A full build's downloads, written by a process started with the search
  // index's, are waited for first and put in place. staleOutput deletes what a `--changed` build no longer makes,
  // before securityHeaders reads every built page and precompress compresses what the others wrote; the search
  // index's process works on meanwhile (started before the content gate when it updates the previous index, which
  // it checks the content for itself). The search index's hook then waits for it, and puts a new index in place.
  // The phase marks time the build (`npm run bench`).
  integrations: [
    phases.astroSteps,
    siteAddress(),
    index.starting,
    contentGate(),
    phases.after('内容检查'),
    mdx(),
    sitemap(),
    downloads(),
    staleOutput(),
    securityHeaders(),
    precompress(),
    index.building,
    phases.after('交给搜索索引与下载文件进程'),
    phases.finish,
  ],
  // `npm run build -- --changed` (the desk's release step): pages whose cache key (data/page-keys.ts) and
  // code are the same as in the previous such build are left in the output folder, or copied from the cache
  // into a new one, instead of rendered again.
  experimental: { incrementalBuild: CHANGED_BUILD },
  devToolbar: { enabled: false },
});
