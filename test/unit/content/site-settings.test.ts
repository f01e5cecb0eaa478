import { expect, test } from 'vitest';
import { DEFAULT_REUSE_TERMS, readSiteSettings } from '../../../src/lib/content/site-settings.ts';

const FILE = 'content/site-settings.csv';

test('blank settings stay unset and the reuse terms fall back to the default statement', () => {
  const { settings, issues } = readSiteSettings(FILE, '\uFEFF设置项,内容\n主办单位,\n联系方式,\n转载说明,\n');
  expect(issues).toEqual([]);
  expect(settings).toEqual({ reuseTerms: DEFAULT_REUSE_TERMS });
  expect(DEFAULT_REUSE_TERMS).toContain('照录所引的公开文件');
});

test('filled settings are read as written', () => {
  const { settings, issues } = readSiteSettings(FILE, '设置项,内容\n主办单位,龙南市营商环境优化升级工作领导小组办公室\n联系方式,0797-3521234\n转载说明,"可自由转载，请注明出处。"\n');
  expect(issues).toEqual([]);
  expect(settings).toEqual({ organiser: '龙南市营商环境优化升级工作领导小组办公室', contact: '0797-3521234', reuseTerms: '可自由转载，请注明出处。' });
});

test('every problem is reported with its row, field and value, and nothing invented is accepted', () => {
  const { settings, issues } = readSiteSettings(FILE, '设置项,内容\n主办单位,XXX\n联系方式,请来电\n网站名称,某站\n主办单位,甲\n');
  expect(issues.map((i) => [i.row, i.field, i.value])).toEqual([
    [2, '内容', 'XXX'],
    [3, '内容', '请来电'],
    [4, '设置项', '网站名称'],
    [5, '设置项', '主办单位'],
  ]);
  expect(settings.organiser).toBeUndefined();
  expect(settings.contact).toBeUndefined();
  expect(readSiteSettings(FILE, "名称,值\n").issues[0]).toMatchObject({ row: 1, message: "表头应为“设置项,内容”" });
});
