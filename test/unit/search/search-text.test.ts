import { describe, expect, test } from 'vitest';
import { foldChar, isNamePunctuation, squeeze, textFolder } from '../../../src/lib/search/search-text.ts';

const traditional = (ch: string) => ({ 營: '营', 環: '环', 覈: '核', 衹: '只' })[ch];
const fold = textFolder(traditional);

describe('folding', () => {
  test('full-width letters and digits become half-width, Latin becomes lower case', () => {
    expect(fold('５Ｇ ＡＥＯ Abc')).toBe('5g aeo abc');
  });
  test('traditional and variant characters become simplified', () => {
    expect(fold('營商環境')).toBe('营商环境');
    expect(fold('覈准 衹跑一次')).toBe('核准 只跑一次');
  });
  test('every character folds to exactly one, so positions stay aligned for highlighting', () => {
    for (const ch of ['①', '㎡', '（', '，', 'Ａ', '营']) expect(Array.from(foldChar(ch, () => undefined))).toHaveLength(1);
    expect(Array.from(fold('２０２３年（一）')).length).toBe(Array.from('２０２３年（一）').length);
  });
});

describe('name punctuation', () => {
  test('middle dots, dashes, 、, quotation marks and brackets inside names are ignored', () => {
    expect(squeeze(fold('帕塔尔·胡加买提')).text).toBe('帕塔尔胡加买提');
    expect(squeeze(fold('基本公共服务满意度—卫生')).text).toBe('基本公共服务满意度卫生');
    expect(squeeze(fold('湖办发〔2023〕8号')).text).toBe('湖办发20238号');
    expect(squeeze(fold('湖办发（2023）8号')).text).toBe('湖办发20238号');
    expect(squeeze(fold('“双随机、一公开”')).text).toBe('双随机一公开');
  });
  test('sentence punctuation is not name punctuation', () => {
    for (const ch of ['，', '。', ',', ':', '：']) expect(isNamePunctuation(fold(ch))).toBe(false);
  });
  test('each remaining character keeps its position in the original', () => {
    expect(squeeze('a·b—c')).toEqual({ text: 'abc', positions: [0, 2, 4] });
  });
});
