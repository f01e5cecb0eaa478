/**
 * After the build: writes `_headers` (read by hosts such as Netlify and
 * Cloudflare Pages) and `.htaccess` (Apache) with the same
 * Content-Security-Policy as every page's meta tag plus the headers a meta tag
 * cannot carry, for the site's base path, and lists the external links
 * the site makes, so they can be reviewed separately from internal ones.
 *
 * A `--changed` build reads again only the pages written since the last one:
 * the links of the others are kept in the cache folder with each page's size,
 * modification time and inode (at province scale, reading all 20,000 pages
 * took 2 s of every publication, and 10 s when they were no longer in the
 * file system's cache).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile } from '../lib/hosting-headers.ts';
import { htaccessFile } from '../lib/hosting-config.ts';
import { SITE_ADDRESS, sitePathOfPage } from '../lib/routes.ts';
import { externalLinks, linksOfPage } from '../lib/external-links.ts';
import { CHANGED_BUILD } from '../lib/build-mode.ts';
import { builtFileState, filesOutsideSearchIndex, outputFolder } from './built-files.ts';
import { keptJson } from '../loaders/file-tree.ts';

/** Each page's file state (size:time:inode) and the links it made, as the last `--changed` build read them. */
type KeptLinks = Record<string, [state: string, links: string[]]>;

export function securityHeaders(): AstroIntegration {
  let keptFile = '';
  return {
    name: 'security-headers',
    hooks: {
      'astro:config:setup': ({ config }) => {
        keptFile = fileURLToPath(new URL('external-links.json', config.cacheDir));
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        writeFileSync(join(out, '_headers'), headersFile(SITE_ADDRESS.base));
        writeFileSync(join(out, '.htaccess'), htaccessFile(SITE_ADDRESS.base));
        const kept: KeptLinks = (CHANGED_BUILD && keptJson<KeptLinks>(keptFile)) || {};
        const next: KeptLinks = {};
        // One page in memory at a time: all of a province-scale site's HTML would take gigabytes.
        const pages = function* () {
          const site = outputFolder(dir);
          for (const file of filesOutsideSearchIndex(site).filter((f) => f.endsWith('.html'))) {
            const page = sitePathOfPage(file.slice(site.length + 1));
            // A full build keeps nothing for later, so it neither looks at the file's state nor remembers the links.
            const state = CHANGED_BUILD ? builtFileState(file) : undefined;
            const links = state !== undefined && kept[page]?.[0] === state ? kept[page][1] : linksOfPage(readFileSync(file));
            if (state !== undefined) next[page] = [state, links];
            yield { page, links };
          }
        };
        const links = externalLinks(pages());
        if (CHANGED_BUILD) {
          mkdirSync(dirname(keptFile), { recursive: true });
          writeFileSync(keptFile, JSON.stringify(next));
        }
        if (links.length === 0) logger.info('外部链接：无');
        else
          logger.info(
            `外部链接（${links.length} 个，请另行核对）：\n${links.map((l) => `  ${l.url}  ← ${l.pages.join('、')}`).join('\n')}`,
          );
      },
    },
  };
}
