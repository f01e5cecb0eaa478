import { expect, test } from 'vitest';
import { explainSearch } from '../../../src/lib/search/search-explanation.ts';
import type { QueryPlan } from '../../../src/lib/search/query-understanding.ts';

const plan = (extra: Partial<QueryPlan>): QueryPlan => ({ phrases: [], words: [], names: {}, alternatives: {}, regions: [], dropped: [], ...extra });

test('a query found as typed needs no explanation and no browsing links', () => {
  expect(explainSearch('带押过户', { exact: true, total: 2, plan: plan({ phrases: ['带押过户'], words: ['带押过户'] }), suggestions: [] })).toEqual({ searchedAs: undefined, suggestions: [], offerBrowsing: false });
});

test('approximate results say what was searched instead, and offer browsing', () => {
  const explanation = explainSearch('开办企业要多久', { exact: false, total: 5, plan: plan({ phrases: ['开办企业'], words: ['开办企业'], dropped: ['要多久'] }), suggestions: [] });
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
  expect(explainSearch('办电', { exact: true, total: 3, plan: plan({ phrases: ['办电'], words: ['办电'], alternatives: { 办电: ['获得电力'] } }), suggestions: [] }).searchedAs).toBe('同时搜索了“获得电力”（办电）。');
});
