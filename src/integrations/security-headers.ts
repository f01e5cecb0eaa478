/**
 * After the build: writes `_headers` (read by hosts such as Netlify and
 * Cloudflare Pages) and `.htaccess` (Apache) with the same
 * Content-Security-Policy as every page's meta tag plus the headers a meta tag
 * cannot carry, for the site's base path, and lists the external links
 * the site makes, so they can be reviewed separately from internal ones.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile } from '../lib/hosting-headers.ts';
import { htaccessFile } from '../lib/hosting-config.ts';
import { SITE_ADDRESS, sitePathOfPage } from '../lib/routes.ts';
import { externalLinks } from '../lib/external-links.ts';
import { builtFiles } from './built-files.ts';

export function securityHeaders(): AstroIntegration {
  return {
    name: 'security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        writeFileSync(join(out, '_headers'), headersFile(SITE_ADDRESS.base));
        writeFileSync(join(out, '.htaccess'), htaccessFile(SITE_ADDRESS.base));
        // One page in memory at a time: all of a province-scale site's HTML would take gigabytes.
        const pages = function* () {
          for (const file of builtFiles(out).filter((f) => f.endsWith('.html')))
            yield { page: sitePathOfPage(file.slice(out.length + 1)), html: readFileSync(file) };
        };
        const links = externalLinks(pages());
        if (links.length === 0) logger.info('外部链接：无');
        else
          logger.info(
            `外部链接（${links.length} 个，请另行核对）：\n${links.map((l) => `  ${l.url}  ← ${l.pages.join('、')}`).join('\n')}`,
          );
      },
    },
  };
}
