// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { contentGate } from './src/integrations/content-gate.ts';
import { sitemap } from './src/integrations/sitemap.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { headingAnchorsPlugin } from './src/markdown/heading-anchors.ts';

export default defineConfig({
  // The public address, for canonical links; set SITE_URL when deploying.
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  output: 'static',
  trailingSlash: 'always',
  // Stylesheets always as files: the Content-Security-Policy allows no inline styles.
  build: { format: 'directory', inlineStylesheets: 'never' },
  outDir: process.env.OUT_DIR ?? './dist',
  // Separate caches let test builds of fixture content run beside the real one.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  markdown: {
    processor: satteri({
      hastPlugins: [headingAnchorsPlugin()],
      // Chinese text uses its own quotation marks; ASCII quote conversion would alter the source.
      features: { smartPunctuation: false },
    }),
  },
  integrations: [contentGate(), mdx(), sitemap(), searchIndex(), securityHeaders()],
  devToolbar: { enabled: false },
});
