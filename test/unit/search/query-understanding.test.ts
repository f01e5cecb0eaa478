import { describe, expect, test } from 'vitest';
import {
  backOffCharacters,
  normaliseDocumentNumbers,
  planQuery,
  regionForms,
  splitWords,
  type QueryWords,
} from '../../../src/lib/search/query-understanding.ts';

const vocabulary = new Set(['开办企业', '纳税时间', '获得电力', '指标长', '第三方评价', '整改', '信易贷', '排名靠后', '简报']);
const words: QueryWords = {
  isWord: (w) => vocabulary.has(w),
  names: { 企业开办: '开办企业' },
  synonyms: { 办电: ['获得电力'], 打官司: ['执行合同', '诉讼'] },
  regions: ['青山湖区', '湾里管理局', '龙南市', '上饶市'],
};
const plan = (query: string, extra: Partial<QueryWords> = {}) => planQuery(query, { ...words, ...extra });

describe('document numbers', () => {
  test('any bracket style, with or without brackets, 第, 号 or spaces, becomes one term', () => {
    const forms = [
      '湖办发〔2023〕8号',
      '湖办发(2023)8号',
      '湖办发（2023）8号',
      '湖办发[2023]8号',
      '湖办发［2023］8号',
      '湖办发2023 8号',
      '湖办发 〔2023〕 第8号',
      '湖办发2023第8号',
    ];
    for (const form of forms) expect(normaliseDocumentNumbers(form).trim(), form).toBe('湖办发20238号');
    expect(plan('饶营商［2022］第1号').phrases).toEqual(['饶营商20221号']);
    expect(plan('龙营改办字2023第3号').phrases).toEqual(['龙营改办字20233号']);
  });
  test('a figure is not taken for a document number', () => {
    expect(normaliseDocumentNumbers('70个小时')).toBe('70个小时');
  });
});

describe('regions', () => {
  test('a region is known by its name, its short form and the short form with another suffix', () => {
    expect(regionForms('青山湖区')).toEqual(expect.arrayContaining(['青山湖区', '青山湖']));
    expect(regionForms('湾里管理局')).toEqual(expect.arrayContaining(['湾里管理局', '湾里', '湾里区']));
    expect(regionForms('江西省')).toEqual(expect.arrayContaining(['江西省', '江西']));
  });
  test('a region in the query becomes a preference, not a phrase that must occur', () => {
    expect(plan('青山湖纳税时间')).toMatchObject({ phrases: ['纳税时间'], regions: ['青山湖区'] });
    expect(plan('湾里 办电')).toMatchObject({ phrases: ['办电'], regions: ['湾里管理局'] });
    expect(plan('配电自动化覆盖率青山湖区').regions).toEqual(['青山湖区']);
  });
  test('a query that is only a region searches for the region, by the name it was typed and its own name', () => {
    expect(plan('上饶市')).toMatchObject({ phrases: ['上饶市'], regions: ['上饶市'] });
    expect(plan('湾里区')).toMatchObject({ phrases: ['湾里区'], alternatives: { 湾里区: ['湾里管理局'] } });
  });
});

describe('words', () => {
  test("run-together queries are split into the site's words", () => {
    expect(splitWords('获得电力指标长', words)).toEqual(['获得电力', '指标长']);
    expect(plan('龙南简报排名靠后')).toMatchObject({ phrases: ['简报排名靠后'], words: ['简报', '排名靠后'], regions: ['龙南市'] });
  });
  test('what the vocabulary does not cover is split by the segmenter, lone characters kept together', () => {
    const segment = (text: string) => (text === '申请xy' ? ['申请', 'x', 'y'] : [text]);
    expect(splitWords('申请xy信易贷', { ...words, segment })).toEqual(['申请', 'xy', '信易贷']);
  });
  test('question words and particles are dropped, and split the phrase where they stood', () => {
    expect(plan('开办企业要多久')).toMatchObject({ phrases: ['开办企业'], words: ['开办企业'], dropped: ['要多久'] });
    expect(plan('纳税时间多少小时')).toMatchObject({ phrases: ['纳税时间', '小时'], dropped: ['多少'] });
    expect(plan('怎么申请信易贷呢').dropped).toEqual(['怎么', '呢']);
  });
  test('a yes-or-no question frame (能不能, 会不会, 可不可以, 要不要) is dropped whole, not searched as words', () => {
    expect(plan('信易贷能不能网上办')).toMatchObject({ phrases: ['信易贷', '网上办'], dropped: ['能不能'] });
    expect(plan('开办企业可不可以不去现场').dropped).toEqual(['可不可以']);
    expect(plan('整改会不会通报').dropped).toEqual(['会不会']);
  });
  test("an indicator's other name brings its own name, an everyday word the documents' terms", () => {
    expect(plan('企业开办').names).toEqual({ 企业开办: '开办企业' });
    expect(plan('打官司').alternatives).toEqual({ 打官司: ['执行合同', '诉讼'] });
  });
  test('lone characters are not words to highlight unless the query is one character', () => {
    expect(plan('获得电力指标长x').words).toEqual(['获得电力', '指标长']);
    expect(plan('税')).toMatchObject({ phrases: ['税'], words: ['税'] });
  });
});

describe('characters as a last resort', () => {
  test('a word found nowhere and given no other form is searched by its characters', () => {
    const p = plan('报税');
    expect(backOffCharacters(p, ['报税'])).toEqual(['报', '税']);
  });
  test('the characters of words found, or searched in another form, are left out', () => {
    // 开公司: 公司 is found, so only 开 is left; 倒闭 has a wordnet form, so 企业倒闭 adds nothing.
    expect(backOffCharacters(plan('开公司', { isWord: (w) => w === '公司' }), ['开公司'])).toEqual(['开']);
    expect(
      backOffCharacters(plan('企业倒闭', { isWord: (w) => w === '企业' || w === '倒闭', related: { 倒闭: ['破产'] } }), [
        '企业倒闭',
        '倒闭',
      ]),
    ).toEqual([]);
    // A synonym is another form: 办电 is searched as 获得电力, not as 办 and 电.
    expect(backOffCharacters(plan('办电'), ['办电'])).toEqual([]);
  });
});
