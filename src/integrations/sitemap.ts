/**
 * Writes sitemap.xml after the build. The sitemap protocol needs absolute
 * addresses, so it is written only when the site's public address is set
 * (SITE_URL, base path included); otherwise the build says so and carries on.
 */
import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { absoluteUrl, SITE_ADDRESS, sitePathOfPage } from '../lib/routes.ts';

export function sitemap(): AstroIntegration {
  return {
    name: 'sitemap',
    hooks: {
      'astro:build:done': ({ dir, pages, logger }) => {
        // The missing SITE_URL has been reported at the start of the build (integrations/site-address.ts).
        if (!SITE_ADDRESS.origin) {
          logger.info('未设置 SITE_URL，不生成 sitemap.xml。');
          return;
        }
        const urls = pages
          .map((page) => sitePathOfPage(page.pathname))
          .filter((path) => !path.startsWith('/404'))
          .sort()
          .map((path) => `  <url><loc>${absoluteUrl(path)}</loc></url>`);
        const xml = [
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
          ...urls,
          '</urlset>',
          '',
        ].join('\n');
        writeFileSync(new URL('sitemap.xml', dir), xml);
        logger.info(`sitemap.xml：${urls.length} 个网址`);
      },
    },
  };
}
