import { expect, test } from 'vitest';
import { markdownSections, markdownToText } from '../../../src/lib/content/markdown-text.ts';

test('markdown syntax is removed and the words kept', () => {
  expect(markdownToText('## 附件1\n\n全表见[任务清单](/tasks/x/)。\n\n| 日期 | 窗口 |\n| --- | --- |\n| **1** | \\{甲\\} |')).toBe('附件1\n全表见任务清单。\n日期 窗口\n1 {甲}');
});

test('sections run from heading to heading and carry the page\'s anchors', () => {
  const sections = markdownSections('通知正文。\n\n## 一、目标\n\n目标正文。\n\n### （一）纳税\n\n纳税正文。\n\n## 附件1\n\n### 1、开办企业\n\n领班：某某');
  expect(sections).toEqual([
    { text: '通知正文。' },
    { anchor: 's1', heading: '一、目标', text: '目标正文。' },
    { anchor: 's1-1', heading: '（一）纳税', text: '纳税正文。' },
    { anchor: 'fujian1', heading: '附件1', text: '' },
    { anchor: 'fujian1-1', heading: '1、开办企业', text: '领班：某某' },
  ]);
});

test('plain sentences are kept as they are, trimmed, blank lines dropped, Windows line ends included', () => {
  expect(markdownToText('  一、总体要求  \r\n\r\n坚持以人民为中心。\r\n')).toBe('一、总体要求\n坚持以人民为中心。');
});

test('the syntax of headings, links, bold text and escapes goes and the words stay', () => {
  expect(markdownToText('## 二、主要任务\n详见[《实施方案》](/policies/a/)和**重点任务**，__按期__完成\\{第1项\\}。')).toBe(
    '二、主要任务\n详见《实施方案》和重点任务，按期完成{第1项}。',
  );
});

test('a table keeps its cells as words and loses its rule; an MDX comment line goes', () => {
  expect(markdownToText('| 指标 | 目标 |\n| :--- | ---: |\n| 开办企业 | 0.5 天 |\n{/* 来源：第3页 */}\n——完——')).toBe(
    '指标 目标\n开办企业 0.5 天\n——完——',
  );
});
