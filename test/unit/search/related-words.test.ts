import { expect, test } from 'vitest';
import { decodeRelated, encodeRelated, parseWordnet, relatedWords, wordsOccurring } from '../../../src/lib/search/related-words.ts';
import { planQuery } from '../../../src/lib/search/query-understanding.ts';
import { explainSearch } from '../../../src/lib/search/search-explanation.ts';

const TAB = [
  '# Chinese Open Wordnet\tcmn\thttp://example\twordnet',
  '14464005-n\tcmn:lemma\t破产',
  '14464005-n\tcmn:lemma\t倒闭',
  '14464005-n\tcmn:lemma\t无力偿还债务的情形说明', // a gloss, not a word
  '03544360-n\tcmn:lemma\t房子',
  '03544360-n\tcmn:lemma\t房屋',
  '03544360-n\tcmn:lemma\t住宅',
  '00001740-n\tcmn:lemma\t实体',
  '00001740-n\tcmn:lemma\tentity',
  '07000000-n\tcmn:lemma\t缴税',
  '07000000-n\tcmn:lemma\t纳税',
].join('\n');
const synsets = parseWordnet(TAB);
const site = wordsOccurring(synsets.flat(), ['企业办理破产，房屋登记，纳税时间']);

test('synsets keep words of two to six Han characters, and only synsets of two words or more', () => {
  expect(synsets).toEqual([
    ['破产', '倒闭'],
    ['房子', '房屋', '住宅'],
    ['缴税', '纳税'],
  ]);
});

test('an everyday word the site does not use points to the site words of its synset', () => {
  const related = relatedWords(synsets, (w) => site.has(w));
  expect(related['倒闭']).toEqual(['破产']);
  expect(related['房子']).toEqual(['房屋']);
  expect(related['住宅']).toEqual(['房屋']);
  // Words the site uses are not expanded: the reader's word finds them as typed.
  expect(related['破产']).toBeUndefined();
});

test('the synonyms dataset wins: a word it lists takes nothing from the wordnet', () => {
  expect(relatedWords(synsets, (w) => site.has(w), new Set(['缴税']))['缴税']).toBeUndefined();
  expect(relatedWords(synsets, (w) => site.has(w))['缴税']).toEqual(['纳税']);
});

test('a word occurs when some text holds it whole, at any place, however often', () => {
  const texts = ['关于企业办理破产的通知', '破产', '房屋', '办理破产和房屋登记', '𠀾𠁀 在扩展区'];
  expect(
    [...wordsOccurring(['破产', '房屋登记', '破产案件', '通知', '企业办理破产的通知', '登', '𠁀在', '在扩展区'], texts)].sort(),
  ).toEqual(['企业办理破产的通知', '房屋登记', '破产', '通知', '在扩展区'].sort());
  // Substrings of the text are the reference: every word of two to six characters found by brute force is found.
  const text = texts.join('\n');
  const every = new Set<string>();
  for (let i = 0; i < text.length; i++) for (let n = 2; n <= 6 && i + n <= text.length; n++) every.add(text.slice(i, i + n));
  expect(wordsOccurring(every, texts)).toEqual(new Set([...every].filter((w) => texts.some((t) => t.includes(w)))));
});

test('entries read back as written', () => {
  const entries: [string, string[]][] = [
    ['倒闭', ['破产']],
    ['房子', ['房屋', '住房']],
  ];
  expect(decodeRelated(encodeRelated(entries))).toEqual(entries);
  expect(decodeRelated(undefined)).toEqual([]);
});

test('a related word becomes a word of the query, searched after the reader’s own, and the page says so', () => {
  const plan = planQuery('企业倒闭', {
    isWord: (w) => w === '企业' || w === '倒闭',
    names: {},
    synonyms: {},
    related: { 倒闭: ['破产'] },
    regions: [],
  });
  expect(plan.words).toEqual(['企业', '倒闭']);
  expect(plan.related).toEqual({ 倒闭: ['破产'] });
  expect(plan.alternatives).toEqual({});
  const explained = explainSearch('企业倒闭', { exact: true, total: 3, plan, suggestions: [] });
  expect(explained.searchedAs).toContain('还搜索了意思相近的“破产”（倒闭）');
  // The synonyms dataset's forms replace the wordnet's for the same word.
  const own = planQuery('交税', {
    isWord: (w) => w === '交税',
    names: {},
    synonyms: { 交税: ['纳税'] },
    related: { 交税: ['缴纳'] },
    regions: [],
  });
  expect(own.alternatives).toEqual({ 交税: ['纳税'] });
  expect(own.related).toEqual({});
});
