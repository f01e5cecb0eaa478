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
