import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { asciiAnchor, chineseNumeralValue, headingAnchorAliases, headingAnchors, headingAnchorSequence, headingNumber, markdownHeadings, textAnchor } from '../../../src/lib/content/anchors.ts';

describe('chineseNumeralValue', () => {
  test.each([
    ['一', 1], ['九', 9], ['十', 10], ['十一', 11], ['十八', 18], ['二十', 20], ['二十三', 23],
  ])('%s → %i', (text, value) => expect(chineseNumeralValue(text)).toBe(value));
  test.each(['', '百', '十十', '一二', '三十四五'])('%s is not a section number', (text) =>
    expect(chineseNumeralValue(text)).toBeUndefined());
});

describe('headingNumber', () => {
  test.each([
    ['一、指标专班机制', 1],
    ['（十二）招标投标', 12],
    ['(三)获得电力', 3],
    ['1.强化组织领导', 1],
    ['12、实行一票清退制', 12],
    ['（2）监督检查', 2],
    ['三. 严格落实领导带班制度', 3],
  ])('%s → %i', (text, n) => expect(headingNumber(text)).toBe(n));
  test.each(['附件1', '【国家部委动态】', '重要会议：', '1.5倍增长', '（十劳动力市场监管'])('%s has no section number', (text) =>
    expect(headingNumber(text)).toBeUndefined());
});

test('textAnchor keeps letters and digits of any script, drops punctuation and spaces', () => {
  expect(textAnchor('【国家部委动态】')).toBe('国家部委动态');
  expect(textAnchor('重要会议：')).toBe('重要会议');
  expect(textAnchor('龙南城管：打通“最后一公里” 贴心服务零距离')).toBe('龙南城管打通最后一公里贴心服务零距离');
  expect(textAnchor('……')).toBe('section');
});

test('asciiAnchor spells the first four Chinese characters in toneless pinyin, with the letters and digits among them', () => {
  expect(asciiAnchor('附件1')).toBe('fujian1');
  expect(asciiAnchor('【国家部委动态】')).toBe('guojiabuwei');
  expect(asciiAnchor('龙南城管：打通“最后一公里” 贴心服务零距离')).toBe('longnanchengguan');
  expect(asciiAnchor('5G应用')).toBe('5gyingyong');
  expect(asciiAnchor('银行行长')).toBe('yinhanghangzhang');
  expect(asciiAnchor('……')).toBe('section');
  expect(asciiAnchor('Ελλάδα')).toBe('section');
});

describe('headingAnchors', () => {
  test('numbered sections nest by the numbers people cite', () => {
    expect(
      headingAnchors([
        { depth: 2, text: '一、深化指标领域改革创新' },
        { depth: 3, text: '（一）开办企业' },
        { depth: 3, text: '（二）办理建筑许可' },
        { depth: 4, text: '1.深入推进联合验收' },
        { depth: 2, text: '二、推进专项行动' },
        { depth: 3, text: '（一）持续推进提升政务服务满意度专项行动' },
      ]),
    ).toEqual(['s1', 's1-1', 's1-2', 's1-2-1', 's2', 's2-1']);
  });

  test('numbered sections inside an unnumbered part take the part as prefix', () => {
    expect(
      headingAnchors([
        { depth: 2, text: '一、工作目标' },
        { depth: 2, text: '附件1' },
        { depth: 3, text: '1、开办企业' },
        { depth: 2, text: '关于进一步规范政务服务中心窗口工作人员的管理办法' },
        { depth: 3, text: '一、坚持选优配强原则' },
      ]),
    ).toEqual(['s1', 'fujian1', 'fujian1-1', 'guanyujinyi', 'guanyujinyi-1']);
  });

  test('the Chinese anchors unnumbered parts had before stay as aliases, numbered anchors need none', () => {
    expect(
      headingAnchorAliases([
        { depth: 2, text: '一、工作目标' },
        { depth: 2, text: '附件1' },
        { depth: 3, text: '1、开办企业' },
        { depth: 3, text: '重要会议：' },
      ]),
    ).toEqual([undefined, '附件1', '附件1-1', '重要会议']);
  });

  test('fixing a heading\'s words keeps its anchor', () => {
    const before = headingAnchors([{ depth: 2, text: '一、深化改革' }, { depth: 3, text: '（六）纳说' }]);
    const after = headingAnchors([{ depth: 2, text: '一、深化改革' }, { depth: 3, text: '（六）纳税' }]);
    expect(after).toEqual(before);
  });

  test('repeated anchors on one page are made unique', () => {
    expect(headingAnchors([{ depth: 3, text: '重要会议' }, { depth: 3, text: '重要会议' }])).toEqual(['zhongyaohuiyi', 'zhongyaohuiyi-2']);
    expect(headingAnchors([{ depth: 2, text: '国家部委动态' }, { depth: 2, text: '国家部委通知' }])).toEqual(['guojiabuwei', 'guojiabuwei-2']);
  });
});

test('markdownHeadings reads ATX headings with their lines, ignoring code fences and escapes', () => {
  const body = ['正文', '', '## 一、目标', '', '```', '## 不是标题', '```', '### （一）\\{纳税\\}', '#### **1.** 强化'].join('\n');
  expect(markdownHeadings(body, 10)).toEqual([
    { depth: 2, text: '一、目标', line: 12 },
    { depth: 3, text: '（一）{纳税}', line: 17 },
    { depth: 4, text: '1. 强化', line: 18 },
  ]);
});

test('the renderer, anchoring headings one at a time, gives every real document the anchors its whole list gives', () => {
  for (const folder of ['policies', 'briefings']) {
    for (const name of readdirSync(`content/${folder}`)) {
      const headings = markdownHeadings(readFileSync(`content/${folder}/${name}`, 'utf8'));
      const next = headingAnchorSequence();
      const oneByOne = headings.map((heading) => next(heading));
      expect(oneByOne.map((a) => a.anchor), name).toEqual(headingAnchors(headings));
      expect(oneByOne.map((a) => a.alias), name).toEqual(headingAnchorAliases(headings));
    }
  }
});
