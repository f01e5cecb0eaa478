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
    issues.push({ file, row: 1, value: headers.join(','), message: `表头应为“${HEADERS.join(',')}”`, hint: '第一行写“设置项,内容”，以下每行一项设置' });
    return { settings, issues };
  }
  const seen = new Set<string>();
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const name = (cells[0] ?? '').trim();
    const value = (cells[1] ?? '').trim();
    if (!(name in KEYS)) {
      issues.push({ file, row, field: '设置项', value: name, message: '不是本站的设置项', hint: `可用的设置项：${Object.keys(KEYS).join('、')}` });
      return;
    }
    if (seen.has(name)) {
      issues.push({ file, row, field: '设置项', value: name, message: '重复填写', hint: '每个设置项只写一行' });
      return;
    }
    seen.add(name);
    if (!value) return;
    if (PLACEHOLDER.test(value)) {
      issues.push({ file, row, rowLabel: name, field: '内容', value, message: '看起来是占位文字，不是真实信息', hint: '填写真实信息；暂时不知道就留空，页面会显示“未填写”' });
      return;
    }
    if (name === '联系方式' && !CONTACT.test(value)) {
      issues.push({ file, row, rowLabel: name, field: '内容', value, message: '联系方式应含电话号码或电子邮箱', hint: '例如 0797-1234567 或 yshj@example.gov.cn' });
      return;
    }
    settings[KEYS[name as Key]] = value;
  });
  return { settings, issues };
}
