/**
 * The site's own settings, kept by staff in `content/site-settings.csv`
 * (columns 设置项, 内容; one row per setting, opened in Excel/WPS like the
 * other tables): who runs the site, how to reach them, and the terms on
 * which its figures may be reused. Nothing is ever filled in on staff's
 * behalf: a blank 主办单位 or 联系方式 stays blank and the 关于本站 page
 * says 未填写. A blank 转载说明 falls back to the default statement.
 */
import Papa from 'papaparse';
import type { ContentIssue } from './content-issue.ts';
import { contentMessage } from '../../core/content-messages.ts';

export const SITE_SETTINGS_FILE = 'site-settings.csv';

export const DEFAULT_REUSE_TERMS =
  '本站公布的数字、表格和文字均照录所引的公开文件，每项都注明出处。转载、引用时请注明原发文件和本站网址；如需核对，以原发文件为准。';

export interface SiteSettings {
  /** 主办单位, or undefined until staff fill it in. */
  organiser?: string | undefined;
  /** 联系方式: a telephone number or an e-mail address, or undefined. */
  contact?: string | undefined;
  /** 转载说明. */
  reuseTerms: string;
}

const KEYS = { 主办单位: 'organiser', 联系方式: 'contact', 转载说明: 'reuseTerms' } as const;
type Key = keyof typeof KEYS;
const HEADERS = ['设置项', '内容'];
/** Words that mark a value as a stand-in rather than the real thing. */
const PLACEHOLDER = /^(x+|待定|待填写?|某某.*|示例.*|测试.*|tbd|todo|n\/a)$/i;
const CONTACT = /(\d[\d\s-]{5,}\d)|([^\s@]+@[^\s@]+\.[^\s@]+)/;

export function readSiteSettings(file: string, text: string): { settings: SiteSettings; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const settings: SiteSettings = { reuseTerms: DEFAULT_REUSE_TERMS };
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
  const headers = rows[0]?.map((h) => h.trim()) ?? [];
  if (headers.join(',') !== HEADERS.join(',')) {
    issues.push({ file, row: 1, value: headers.join(','), ...contentMessage('site-settings-header', {}) });
    return { settings, issues };
  }
  const seen = new Set<string>();
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const name = (cells[0] ?? '').trim();
    const value = (cells[1] ?? '').trim();
    if (!(name in KEYS)) {
      issues.push({ file, row, field: '设置项', value: name, ...contentMessage('site-settings-unknown', { names: Object.keys(KEYS).join('、') }) });
      return;
    }
    if (seen.has(name)) {
      issues.push({ file, row, field: '设置项', value: name, ...contentMessage('site-settings-duplicate', {}) });
      return;
    }
    seen.add(name);
    if (!value) return;
    if (PLACEHOLDER.test(value)) {
      issues.push({ file, row, rowLabel: name, field: '内容', value, ...contentMessage('site-settings-placeholder', {}) });
      return;
    }
    if (name === '联系方式' && !CONTACT.test(value)) {
      issues.push({ file, row, rowLabel: name, field: '内容', value, ...contentMessage('site-settings-contact', {}) });
      return;
    }
    settings[KEYS[name as Key]] = value;
  });
  return { settings, issues };
}
