export const SITE_NAME = '营商环境优化升级“一号改革工程”信息公开';

import { routes } from './routes.ts';

/** The main navigation: site paths (links apply `href()`). */
export const NAV_ITEMS = [
  { path: routes.home(), label: '首页' },
  { path: routes.policies(), label: '政策文件' },
  { path: routes.briefings(), label: '工作简报' },
  { path: routes.indicators(), label: '营商环境指标' },
  { path: routes.regions(), label: '地区' },
  { path: routes.taskLists(), label: '任务清单' },
  { path: routes.statistics(), label: '统计数据' },
  { path: routes.data(), label: '数据下载' },
] as const;

/**
 * The Content-Security-Policy every page carries (meta tag) and the hosts
 * also send (the `_headers` file the build writes, lib/hosting-headers.ts): only this site's own files, no inline
 * scripts or styles, nothing embedded, no other origins at all.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');
