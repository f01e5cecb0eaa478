import { expect, test } from 'vitest';
import {
  buildExcerpt,
  findRecords,
  withoutCrowding,
  planGrams,
  prepareRecords,
  type CorpusStatistics,
  type IndexedRecord,
  type PreparedRecord,
} from '../../../src/lib/search/phrase-search.ts';
import { planQuery, type QueryPlan } from '../../../src/lib/search/query-understanding.ts';
import { textFolder } from '../../../src/lib/search/search-text.ts';

const fold = textFolder(() => undefined);
const record = (url: string, title: string, text: string, extra: Partial<IndexedRecord> = {}): IndexedRecord => ({
  url,
  title,
  text,
  kind: '政策文件',
  regions: ['青山湖区'],
  indicators: [],
  ...extra,
});
const records = prepareRecords(
  [
    record('/a/#s1', '方案 › 登记财产', '协同金融机构推行“带押过户”，实现抵押登记不见面审批。', { date: '2023-07-28', year: '2023' }),
    record('/b/#s1', '方案 › 营商环境', '优化营商环境，打造一流营商环境。', { date: '2023-01-01', year: '2023', regions: ['湾里管理局'] }),
    record('/t/#r1', '任务 第1项', '牵头单位 区政数局 推进政务数据共享。', { kind: '任务', date: '2023-12-31', year: '2023' }),
    record('/t/#r2', '任务 第2项', '牵头单位 区政府办 数据局 协同。', { kind: '任务' }),
    record('/c/#s6', '方案 › 纳税', '全区全年纳税时间压缩至70个小时以内。', { regions: ['湾里管理局'] }),
    record('/d/#s6', '方案 › 纳税', '推广“税银”智慧集成办服务功能，纳税时间压缩。'),
  ],
  fold,
);
/** Statistics as the index gives them, here counted over the records. */
const statistics = (all: readonly PreparedRecord[]): CorpusStatistics => ({
  records: all.length,
  averageLength: all.reduce((sum, r) => sum + r.matchText.length, 0) / all.length,
  documentFrequency: (gram) => all.filter((r) => r.matchText.includes(gram) || r.matchTitle.includes(gram)).length,
});
const plan = (query: string, extra: Partial<QueryPlan> = {}): QueryPlan => ({
  ...planQuery(fold(query), { isWord: () => false, names: {}, synonyms: {}, regions: ['青山湖区', '湾里管理局'] }),
  ...extra,
});
const search = (query: string, options = {}, extra: Partial<QueryPlan> = {}) =>
  findRecords(records, plan(query, extra), statistics(records), options);
const urls = (query: string, options = {}) => search(query, options).hits.map((h) => h.record.url);

test('a phrase held whole is found only where it occurs whole: 区政数局 does not match 区政府办 … 数据局', () => {
  expect(urls('区政数局')).toEqual(['/t/#r1']);
  expect(search('区政数局').exact).toBe(true);
});

test('part of a word finds the word', () => {
  expect(urls('营商')).toEqual(['/b/#s1']);
});

test('when a record holds every term whole, only such records are listed', () => {
  expect(urls('带押过户 抵押')).toEqual(['/a/#s1']);
});

test('with no record holding the query whole, records holding most of its character pairs are found, and the response says so', () => {
  const response = search('纳税时间要压缩多少');
  expect(response.exact).toBe(false);
  expect(response.hits.map((h) => h.record.url)).toEqual(expect.arrayContaining(['/c/#s6', '/d/#s6']));
  expect(response.hits.map((h) => h.record.url)).not.toContain('/t/#r1');
});

test('records of a region the query names come first; others are still found', () => {
  expect(urls('湾里纳税时间')[0]).toBe('/c/#s6');
  expect(urls('青山湖纳税时间')[0]).toBe('/d/#s6');
  expect(urls('青山湖纳税时间')).toContain('/c/#s6');
});

test("a synonym finds the documents' term; records holding the term as typed come first", () => {
  expect(search('报税', {}, { alternatives: { 报税: ['纳税'] } }).hits.map((h) => h.record.url)).toEqual(['/c/#s6', '/d/#s6']);
});

test('facets count all matches; filters narrow the hits', () => {
  const response = search('数据', { filters: { kind: '任务' } });
  expect(response.facets.kind).toEqual({ 任务: 2 });
  expect(response.hits).toHaveLength(2);
  expect(search('营商', { filters: { region: '青山湖区' } }).hits).toEqual([]);
});

test('results can be ordered by date, newest first', () => {
  expect(urls('推', { sortByDate: true }).slice(0, 2)).toEqual(['/t/#r1', '/a/#s1']);
});

test('excerpts mark each whole word, never a lone character, and show the text as published', () => {
  const hit = search('带押过户').hits[0]!;
  expect(hit.excerpt).toEqual([
    { text: '协同金融机构推行“', marked: false },
    { text: '带押过户', marked: true },
    { text: '”，实现抵押登记不见面审批。', marked: false },
  ]);
  const folded = prepareRecords([record('/x/', 't', 'ＡＥＯ认证企业')], fold)[0]!;
  expect(buildExcerpt(folded, ['aeo'])).toEqual([
    { text: 'ＡＥＯ', marked: true },
    { text: '认证企业', marked: false },
  ]);
  const named = prepareRecords([record('/y/', 't', '领班 帕塔尔·胡加买提')], fold)[0]!;
  expect(buildExcerpt(named, ['帕塔尔胡加买提'])).toEqual([
    { text: '领班 ', marked: false },
    { text: '帕塔尔·胡加买提', marked: true },
  ]);
  for (const h of search('纳税时间要压缩多少').hits)
    for (const part of h.excerpt) if (part.marked) expect(Array.from(part.text).length).toBeGreaterThanOrEqual(2);
});

test('the grams of a query are the pairs of its phrases, words and their other forms', () => {
  expect(planGrams({ ...plan('办电'), alternatives: { 办电: ['获得电力'] } }).sort()).toEqual(['办电', '获得', '得电', '电力'].sort());
});

test('a record whose title is mostly the term ranks above the records whose longer titles contain it', () => {
  // As published: one indicator, and each region's assignment of it, whose short text names the indicator first.
  const assignment = (region: string) =>
    record(
      `/indicators/qianzhan-tansuo/${region}/`,
      `${region} 前瞻探索营商环境工作 责任分工`,
      '前瞻探索营商环境工作\n牵头单位 局景城建设办\n配合单位 各指标牵头单位及配合单位',
      { kind: '责任分工' },
    );
  const indicator = record(
    '/indicators/qianzhan-tansuo/',
    '前瞻探索营商环境工作',
    '前瞻探索营商环境工作\n工作领域\n湾里管理局2023年行动方案单列的工作领域，不是评价指标。',
    { kind: '指标' },
  );
  const published = prepareRecords([assignment('湾里管理局'), assignment('安源市'), assignment('宁华区'), indicator], fold);
  expect(findRecords(published, plan('前瞻探索'), statistics(published)).hits[0]!.record.url).toBe('/indicators/qianzhan-tansuo/');
});

test('an excerpt never cuts a marked word at its edge', () => {
  const long = prepareRecords([record('/z/', 't', `${'甲'.repeat(80)}营商环境${'乙'.repeat(14)}营商环境`)], fold)[0]!;
  const marked = buildExcerpt(long, ['营商环境'], 10)
    .filter((p) => p.marked)
    .map((p) => p.text);
  expect(marked.length).toBeGreaterThan(0);
  for (const text of marked) expect(text).toBe('营商环境');
});

test('no page crowds out the others: after two results of one page, the best of another comes next', () => {
  const ranked = ['tasks#r1', 'tasks#r2', 'tasks#r3', 'tasks#r4', 'policy#s1', 'tasks#r5', 'indicator'];
  const page = (url: string) => url.split('#')[0]!;
  expect(withoutCrowding(ranked, page)).toEqual(['tasks#r1', 'tasks#r2', 'policy#s1', 'tasks#r3', 'tasks#r4', 'indicator', 'tasks#r5']);
  // Nothing is lost, and one page alone keeps its order.
  expect(withoutCrowding(['a#1', 'a#2', 'a#3'], page)).toEqual(['a#1', 'a#2', 'a#3']);
});
