import { expect, test } from 'vitest';
import { corrections, pinyinKey, wordPinyin } from '../../../src/lib/search/typo-corrections.ts';

const readings: Record<string, string> = {
  营: 'ying',
  商: 'shang',
  环: 'huan',
  境: 'jing',
  竟: 'jing',
  开: 'kai',
  办: 'ban',
  半: 'ban',
  企: 'qi',
  业: 'ye',
  纳: 'na',
  税: 'shui',
  时: 'shi',
  事: 'shi',
  间: 'jian',
  件: 'jian',
  带: 'dai',
  押: 'ya',
  过: 'guo',
  户: 'hu',
  政: 'zheng',
  府: 'fu',
  采: 'cai',
  购: 'gou',
  买: 'mai',
};
const pinyinOf = (ch: string) => readings[ch];
const vocabulary = ['营商环境', '开办企业', '纳税时间', '政府采购'];
const byPinyin = (key: string) => vocabulary.filter((w) => pinyinKey(w, pinyinOf) === key);
const byFirstPair = (pair: string) => vocabulary.filter((w) => w.startsWith(pair));
const fix = (term: string) => corrections(term, pinyinOf, byPinyin, byFirstPair).map((c) => term.replace(c.from, c.to));

test('a word with the same pinyin corrects a typo, in any position', () => {
  expect(wordPinyin('营商环竟', pinyinOf)).toBe(wordPinyin('营商环境', pinyinOf));
  expect(fix('营商环竟')).toEqual(['营商环境']);
  expect(fix('开半企业')).toEqual(['开办企业']);
  expect(fix('青山湖纳税事件'.slice(3))).toEqual(['纳税时间']);
});

test('a word of three characters or more one character off corrects a typo', () => {
  expect(fix('政府买购')).toEqual(['政府采购']);
});

test('a word already right, or nothing alike, gives no correction', () => {
  expect(fix('营商环境')).toEqual([]);
  expect(fix('带押过户')).toEqual([]);
});
