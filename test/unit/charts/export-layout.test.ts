import { expect, test } from 'vitest';
import { EXPORT_CHART_WIDTH, EXPORT_WIDTH, exportLayout, exportSvg } from '../../../src/lib/charts/export-layout.ts';

const measure = (text: string, size: number) => [...text].length * size;
const content = {
  title: '龙南营商环境“一号改革工程”工作简报 第3期：各跟踪清单进展',
  meta: '单位：项　截至 2023年7月31日',
  notes: [
    '第三方评价反馈问题整改：公布的完成率与分项数字不一致：按“已完成 ÷ 总数”计算为 79.0%；公布的 89.5% 与“（已完成 + 正在推进）÷ 总数”的结果一致。本站照录公布数字，不作更改。',
  ],
  sources: ['龙南营商环境“一号改革工程”工作简报 第3期 事项清单'],
  url: 'https://www.example.gov.cn/briefings/longnan-jianbao-2023-03/#progress-longnan-jianbao-2023-03',
  siteName: '营商环境优化升级“一号改革工程”信息公开',
  chartHeight: 500,
};

test('the image has a fixed width and carries title, unit and date, caveat, source, address and site name in that order', () => {
  const layout = exportLayout(content, measure);
  expect(layout.width).toBe(EXPORT_WIDTH);
  const text = layout.texts.map((t) => t.text).join('');
  const order = [content.title.slice(0, 10), '单位：项', '注：第三方', '来源：龙南', '网址：https://', content.siteName];
  const positions = order.map((part) => text.indexOf(part));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  // The long caveat wraps within the image and nothing is lost.
  expect(text.replace(/\s/g, '')).toContain(`注：${content.notes[0]}`.replace(/\s/g, ''));
  for (const t of layout.texts) expect(measure(t.text, t.size)).toBeLessThanOrEqual(EXPORT_CHART_WIDTH);
});

test('the chart sits between the heading and the footer, and lines never share a row', () => {
  const layout = exportLayout(content, measure);
  const above = layout.texts.filter((t) => t.y < layout.chart.y);
  const below = layout.texts.filter((t) => t.y > layout.chart.y + layout.chart.height);
  expect(above.length + below.length).toBe(layout.texts.length);
  expect(below.at(-1)!.y).toBeLessThan(layout.height);
  const ys = layout.texts.map((t) => t.y);
  for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(layout.texts[i]!.size);
});

test('the SVG keeps every line as escaped text and the chart as an image', () => {
  const layout = exportLayout({ ...content, title: 'A < B & "C"' }, measure);
  const svg = exportSvg(layout, 'data:image/png;base64,AAAA', 'sans-serif');
  expect(svg).toContain('>A &lt; B &amp; &quot;C&quot;</text>');
  expect(svg).toContain(`width="${EXPORT_WIDTH}"`);
  expect(svg).toContain('href="data:image/png;base64,AAAA"');
  expect(svg.match(/<text /g)).toHaveLength(layout.texts.length);
});
