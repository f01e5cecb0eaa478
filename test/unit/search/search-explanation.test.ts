import { expect, test } from 'vitest';
import { explainSearch, searchStatus } from '../../../src/lib/search/search-explanation.ts';
import type { QueryPlan } from '../../../src/lib/search/query-understanding.ts';

const plan = (extra: Partial<QueryPlan>): QueryPlan => ({
  phrases: [],
  words: [],
  names: {},
  alternatives: {},
  regions: [],
  dropped: [],
  ...extra,
});

test('a query found as typed needs no explanation and no browsing links', () => {
  expect(
    explainSearch('带押过户', { exact: true, total: 2, plan: plan({ phrases: ['带押过户'], words: ['带押过户'] }), suggestions: [] }),
  ).toEqual({ searchedAs: undefined, suggestions: [], offerBrowsing: false, pinyin: [] });
});

test('approximate results say what was searched instead, and offer browsing', () => {
  const explanation = explainSearch('开办企业要多久', {
    exact: false,
    total: 5,
    plan: plan({ phrases: ['开办企业'], words: ['开办企业'], dropped: ['要多久'] }),
    suggestions: [],
  });
  expect(explanation.searchedAs).toBe('没有找到完整包含“开办企业要多久”的内容，下面是包含“开办企业”等词的相近结果；已略去“要多久”。');
  expect(explanation.offerBrowsing).toBe(true);
});

test('synonyms and regions are named; corrections are offered as whole queries', () => {
  const explanation = explainSearch('青山湖纳税事件', {
    exact: true,
    total: 3,
    plan: plan({ phrases: ['纳税事件'], words: ['纳税', '事件'], regions: ['青山湖区'], alternatives: { 纳税事件: ['纳税时间'] } }),
    suggestions: [{ from: '纳税事件', to: '纳税时间' }],
  });
  expect(explanation.suggestions).toEqual(['青山湖区 纳税时间']);
  expect(explanation.searchedAs).toBe('青山湖区的内容排在前面。');
  expect(
    explainSearch('办电', {
      exact: true,
      total: 3,
      plan: plan({ phrases: ['办电'], words: ['办电'], alternatives: { 办电: ['获得电力'] } }),
      suggestions: [],
    }).searchedAs,
  ).toBe('同时搜索了“获得电力”（办电）。');
});

test('the status line counts exactly when every candidate was read, and suggests narrowing only a query found as typed', () => {
  const hits = (n: number) => Array.from({ length: n }, () => ({}));
  expect(searchStatus('带押过户', { exact: true, complete: true, total: 2, hits: hits(2) })).toBe('找到与“带押过户”相关的 2 条结果。');
  expect(searchStatus('纳税', { exact: true, complete: true, total: 45, hits: hits(20) })).toBe(
    '找到与“纳税”相关的 45 条结果，显示最相关的 20 条。',
  );
  expect(searchStatus('营商环境', { exact: true, complete: false, total: 379, hits: hits(20) })).toBe(
    '找到与“营商环境”相关的约 379 条结果，显示其中 20 条。结果较多，可加词或用上面的筛选缩小范围。',
  );
  const approximate = searchStatus('窗口工作人员迟到怎么处理', { exact: false, complete: false, total: 64, hits: hits(20) });
  expect(approximate).toBe('找到与“窗口工作人员迟到怎么处理”相关的约 64 条相近结果，显示最接近的 20 条。');
  expect(approximate).not.toContain('加词');
  expect(searchStatus('帕塔尔胡加买提', { exact: false, complete: true, total: 0, hits: [] })).toMatch(
    /^没有找到与“帕塔尔胡加买提”相关的内容/,
  );
});

test('pinyin read as the site words is said, and each other reading is offered as the query with it put in', () => {
  const read = explainSearch('zwfw好差评', {
    exact: true,
    total: 2,
    plan: plan({ phrases: ['政务服务', '好差评'], words: ['政务服务', '好差评'] }),
    suggestions: [],
    pinyin: [{ typed: 'zwfw', readAs: ['政务服务'], others: [['政务服务网'], ['在外服务']] }],
  });
  expect(read.pinyin).toEqual([{ line: '按拼音 zwfw 查找：政务服务', others: ['政务服务网好差评', '在外服务好差评'] }]);
  expect(
    explainSearch('带押过户', { exact: true, total: 2, plan: plan({ phrases: ['带押过户'], words: ['带押过户'] }), suggestions: [] })
      .pinyin,
  ).toEqual([]);
  const capitals = explainSearch('ＺＷ fw好差评', {
    exact: true,
    total: 2,
    plan: plan({}),
    suggestions: [],
    pinyin: [{ typed: 'zw fw', readAs: ['政务服务'], others: [['在外服务']] }],
  });
  expect(capitals.pinyin[0]!.others).toEqual(['在外服务好差评']);
});

test('a word found nowhere, searched by its characters, is said to be, its results last', () => {
  const explanation = explainSearch('报税', {
    exact: false,
    total: 4,
    plan: plan({ phrases: ['报税'], words: ['报税'], characters: ['报', '税'] }),
    suggestions: [],
  });
  expect(explanation.searchedAs).toBe(
    '没有找到完整包含“报税”的内容，下面是包含“报税”等词的相近结果；找不到的词按单字“报”“税”查找，排在最后。',
  );
});
