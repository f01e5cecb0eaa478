import { describe, expect, test } from 'vitest';
import { buildVocabulary, foldChar, foldText, normaliseQuery, queryVariants } from '../../../src/lib/search/search-text.ts';

const vocabulary = { traditional: { 營: '营', 環: '环', 境: '境' }, aliases: { 企业开办: '开办企业', 知识产权: '知识产权创造、保护和运用' } };

describe('folding', () => {
  test('full-width letters and digits become half-width, Latin becomes lower case', () => {
    expect(foldText('５Ｇ ＡＥＯ Abc', {})).toBe('5g aeo abc');
  });
  test('traditional characters become simplified', () => {
    expect(foldText('營商環境', vocabulary.traditional)).toBe('营商环境');
  });
  test('every character folds to exactly one, so positions stay aligned for highlighting', () => {
    for (const ch of ['①', '㎡', '（', '，', 'Ａ', '营']) expect(Array.from(foldChar(ch, {}))).toHaveLength(1);
    expect(Array.from(foldText('２０２３年（一）', {})).length).toBe(Array.from('２０２３年（一）').length);
  });
});

describe('queries', () => {
  test('spaces and list punctuation separate terms', () => {
    expect(normaliseQuery('  免证办，９００ ', vocabulary)).toBe('免证办 900');
  });
  test('another name of an indicator also searches the indicator\'s own name', () => {
    expect(queryVariants('企业开办', vocabulary)).toEqual(['企业开办', '开办企业']);
    expect(queryVariants('知识产权 湾里', vocabulary)).toEqual(['知识产权 湾里', '知识产权创造、保护和运用 湾里']);
    expect(queryVariants('营商', vocabulary)).toEqual(['营商']);
    expect(queryVariants('   ', vocabulary)).toEqual([]);
  });
});

test('the vocabulary holds only the characters the site uses and folds aliases too', () => {
  const built = buildVocabulary({
    text: '营商环境5G',
    toTraditional: (ch) => ({ 营: '營', 环: '環' })[ch] ?? ch,
    indicators: [{ name: '开办企业', aliases: ['企业开办', '開辦企業'] }],
  });
  expect(built.traditional).toEqual({ 營: '营', 環: '环' });
  expect(built.aliases).toEqual({ 企业开办: '开办企业', 開辦企業: '开办企业' });
});
