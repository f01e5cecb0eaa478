import { expect, test } from 'vitest';
import { buildExcerpt, findRecords, prepareRecords, type IndexedRecord } from '../../../src/lib/search/phrase-search.ts';
import { foldText } from '../../../src/lib/search/search-text.ts';

const record = (url: string, title: string, text: string, extra: Partial<IndexedRecord> = {}): IndexedRecord => ({
  url, title, text, kind: '政策文件', regions: ['青山湖区'], indicators: [], ...extra,
});
const records = prepareRecords(
  [
    record('/a/#s1', '方案 › 登记财产', '协同金融机构推行“带押过户”，实现抵押登记不见面审批。', { date: '2023-07-28', year: '2023' }),
    record('/b/#s1', '方案 › 营商环境', '优化营商环境，打造一流营商环境。', { date: '2023-01-01', year: '2023', regions: ['湾里管理局'] }),
    record('/t/#r1', '任务 第1项', '牵头单位 区政数局 推进政务数据共享。', { kind: '任务', date: '2023-12-31', year: '2023' }),
    record('/t/#r2', '任务 第2项', '牵头单位 区政府办 数据局 协同。', { kind: '任务' }),
  ],
  (text) => foldText(text, {}),
);
const urls = (variants: string[], options = {}) => findRecords(records, variants, options).hits.map((h) => h.record.url);

test('a term must occur as a whole phrase: 区政数局 does not match 区政府办 … 数据局', () => {
  expect(urls(['区政数局'])).toEqual(['/t/#r1']);
});

test('part of a word finds the word', () => {
  expect(urls(['营商'])).toEqual(['/b/#s1']);
});

test('every term of a multi-term query must occur', () => {
  expect(urls(['带押过户 抵押'])).toEqual(['/a/#s1']);
  expect(urls(['带押过户 纳税'])).toEqual([]);
});

test('facets count all matches; filters narrow the hits', () => {
  const response = findRecords(records, ['数据'], { filters: { kind: '任务' } });
  expect(response.facets.kind).toEqual({ 任务: 2 });
  expect(response.hits).toHaveLength(2);
  expect(findRecords(records, ['营商'], { filters: { region: '青山湖区' } }).hits).toEqual([]);
});

test('results can be ordered by date, newest first', () => {
  expect(urls(['推'], { sortByDate: true })).toEqual(['/t/#r1', '/a/#s1']);
});

test('excerpts mark each whole term and show the text as published', () => {
  const hit = findRecords(records, ['带押过户'], {}).hits[0]!;
  expect(hit.excerpt).toEqual([
    { text: '协同金融机构推行“', marked: false },
    { text: '带押过户', marked: true },
    { text: '”，实现抵押登记不见面审批。', marked: false },
  ]);
  const folded = prepareRecords([record('/x/', 't', 'ＡＥＯ认证企业')], (text) => foldText(text, {}))[0]!;
  expect(buildExcerpt(folded, ['aeo'])).toEqual([{ text: 'ＡＥＯ', marked: true }, { text: '认证企业', marked: false }]);
});

test('a record whose title is mostly the term ranks above the records whose longer titles contain it', () => {
  // As published: one indicator, and each region's assignment of it, whose short text names the indicator first.
  const assignment = (region: string) =>
    record(`/indicators/qianzhan-tansuo/${region}/`, `${region} 前瞻探索营商环境工作 责任分工`, '前瞻探索营商环境工作\n牵头单位 局景城建设办\n配合单位 各指标牵头单位及配合单位', { kind: '责任分工' });
  const indicator = record('/indicators/qianzhan-tansuo/', '前瞻探索营商环境工作', '前瞻探索营商环境工作\n工作领域\n湾里管理局2023年行动方案单列的工作领域，不是评价指标。', { kind: '指标' });
  const published = prepareRecords([assignment('湾里管理局'), assignment('安源市'), assignment('宁华区'), indicator], (text) => foldText(text, {}));
  expect(findRecords(published, ['前瞻探索']).hits[0]!.record.url).toBe('/indicators/qianzhan-tansuo/');
});
