/**
 * Writes sitemap.xml after the build. The sitemap protocol needs absolute
 * addresses, so it is written only when the site's public address is set
 * (SITE_URL, base path included); otherwise the build says so and carries on.
 */
import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { absoluteUrlOf, parseSiteAddress, sitePathOfPage } from '../lib/routes.ts';

export function sitemap(): AstroIntegration {
  let site: string | undefined;
  return {
    name: 'sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        if (!site) {
          logger.warn('未设置 SITE_URL（网站的正式网址），不生成 sitemap.xml。');
          return;
        }
        const urls = pages
          .map((page) => sitePathOfPage(page.pathname))
          .filter((path) => !path.startsWith('/404'))
          .sort()
          .map((path) => `  <url><loc>${absoluteUrlOf(path, parseSiteAddress(site))}</loc></url>`);
        const xml = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
        writeFileSync(new URL('sitemap.xml', dir), xml);
        logger.info(`sitemap.xml：${urls.length} 个网址`);
      },
    },
  };
}
