import { expect, test } from 'vitest';
import { corrections, pinyinKey, suspectCharacter, wordPinyin } from '../../../src/lib/search/typo-corrections.ts';

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

test('the character a single typo explains: every missing pair beside it, the largest share of its pairs missing', () => {
  // 带压过户: 带压 and 压过 missing, 过户 held → 压.
  expect(suspectCharacter([false, false, true])).toBe(2 - 1);
  // 营商环竟: only 环竟 missing → 竟 (its one pair), not 环 (whose pair 商环 is held).
  expect(suspectCharacter([true, true, false])).toBe(3);
  // 竟营商: only the first pair missing → the first character.
  expect(suspectCharacter([false, true])).toBe(0);
});

test('no character is suspected when no one character explains the missing pairs', () => {
  // A two-character word (开个): either character would do.
  expect(suspectCharacter([false])).toBeUndefined();
  // A run of spoken words (钱一直不结): pairs missing far apart.
  expect(suspectCharacter([false, true, false, false])).toBeUndefined();
  // Nothing missing: nothing to correct.
  expect(suspectCharacter([true, true])).toBeUndefined();
});
