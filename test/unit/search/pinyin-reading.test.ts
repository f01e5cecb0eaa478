import { expect, test } from 'vitest';
import {
  decodePinyinTerms,
  encodePinyinTerms,
  latinRuns,
  pinyinTerms,
  readPinyin,
  type PinyinTerm,
} from '../../../src/lib/search/pinyin-reading.ts';

// Syllables as pinyin-pro gives them for these words, written out so the test needs no dictionary.
const READINGS: Record<string, string> = {
  政务服务: 'zheng wu fu wu',
  获得电力: 'huo de dian li',
  开办企业: 'kai ban qi ye',
  纳税: 'na shui',
  青山湖: 'qing shan hu',
  好差评: 'hao cha ping',
  找我: 'zhao wo',
  正午: 'zheng wu',
  服务: 'fu wu',
  女性: 'nü xing',
};
const terms: PinyinTerm[] = pinyinTerms(Object.keys(READINGS), (word) => READINGS[word]?.split(' '));
const read = (latin: string) => readPinyin(latin, terms).map((r) => r.words.join(' '));

test('full pinyin, with or without spaces, reads as the site word', () => {
  expect(read('zhengwu fuwu')[0]).toBe('政务服务');
  expect(read('zhengwufuwu')[0]).toBe('政务服务');
  expect(read('huodedianli')).toEqual(['获得电力']);
  expect(read("kai'ban'qi'ye")).toEqual(['开办企业']);
});

test('initials read as the site word; zh, ch and sh by one letter or two', () => {
  expect(read('hddl')).toEqual(['获得电力']);
  expect(read('kbqy')).toEqual(['开办企业']);
  expect(read('zwfw')[0]).toBe('政务服务');
  expect(read('zhwfw')[0]).toBe('政务服务');
  expect(read('qsh')).toEqual(['青山湖']);
});

test('one word is preferred over several, and the more central word over a later one', () => {
  // 政务服务 comes before 正午 + 服务 in the vocabulary and is one word.
  expect(read('zhengwufuwu')).toEqual(['政务服务', '正午 服务']);
});

test('several words of the site in a row are read one after the other', () => {
  expect(read('qingshanhu nashui')).toEqual(['青山湖 纳税']);
  expect(read('qshns')).toEqual(['青山湖 纳税']);
});

test('Latin that is not pinyin of the site words has no reading', () => {
  expect(read('aeo')).toEqual([]);
  expect(read('hello')).toEqual([]);
  expect(read('x')).toEqual([]);
  expect(read('zhengwu fuwuxyz')).toEqual([]);
});

test('ü is typed as v', () => {
  expect(read('nvxing')).toEqual(['女性']);
});

test('only Han words of two to eight characters with a reading for each character are kept, once', () => {
  const kept = pinyinTerms(['政务服务', '政务服务', '5G基站', '湖', '一二三四五六七八九', '纳税'], (word) =>
    word === '纳税' ? ['na'] : Array.from(word, () => 'yi'),
  );
  expect(kept.map((t) => t.word)).toEqual(['政务服务']);
});

test('the file form reads back as written', () => {
  expect(decodePinyinTerms(encodePinyinTerms(terms))).toEqual(terms);
});

test('Latin runs of a mixed query are found with their spaces', () => {
  expect(latinRuns('zwfw好差评')).toEqual(['zwfw']);
  expect(latinRuns('zhengwu fuwu')).toEqual(['zhengwu fuwu']);
  expect(latinRuns('湖办发 2023 8')).toEqual([]);
});
