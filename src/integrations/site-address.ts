/**
 * Says clearly, at the start of a production build, when SITE_URL is missing:
 * without it the site has no canonical links, no sitemap and no full
 * addresses in citations and the feed, and is built for the root of its host.
 */
import type { AstroIntegration } from 'astro';
import { SITE_ADDRESS } from '../lib/routes.ts';

export const MISSING_SITE_URL_WARNING =
  '未设置 SITE_URL（网站的正式网址，含子路径，例如 https://www.example.gov.cn/yshj/）。' +
  '正式发布必须设置：否则页面没有规范网址（canonical），不生成 sitemap.xml，引用和订阅源中只有相对地址，且网站只能放在域名根目录下。';

export function siteAddress(): AstroIntegration {
  return {
    name: 'site-address',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (SITE_ADDRESS.origin) logger.info(`网站地址：${SITE_ADDRESS.origin}${SITE_ADDRESS.base}`);
        else logger.warn(MISSING_SITE_URL_WARNING);
      },
    },
  };
}
