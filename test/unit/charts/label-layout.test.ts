import { describe, expect, test } from 'vitest';
import {
  barBox,
  breakableUnits,
  clearOfOtherMarks,
  dateTickLabels,
  shortDate,
  endCandidates,
  fitsSideBySide,
  overlaps,
  placeLabels,
  segmentCandidates,
  wrapLabels,
  wrapText,
  type Box,
} from '../../../src/lib/charts/label-layout.ts';

/** A monospace measure: CJK characters 13 px, everything else 7 px, as a 13 px font roughly draws them. */
const measure = (text: string) => [...text].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef“”]/.test(c) ? 13 : 7), 0);

test('numbers, percentages and dates stay whole; closing punctuation never starts a line', () => {
  expect(breakableUnits('完成率89.5%（计算为79.0%）')).toEqual(['完', '成', '率', '89.5%', '（', '计', '算', '为', '79.0%）']);
  expect(breakableUnits('≤ 70 小时')).toEqual(['≤', ' ', '70', ' ', '小', '时']);
});

test('a long category label wraps to the room it has and loses no character', () => {
  const label = '第三方评价反馈问题整改，公布完成率89.5%';
  for (const width of [40, 60, 100, 160, 400]) {
    const lines = wrapText(label, width, measure);
    expect(lines.join('')).toBe(label);
    for (const line of lines) expect(measure(line), `${width}: ${line}`).toBeLessThanOrEqual(Math.max(width, 13));
  }
  expect(wrapText(label, 400, measure)).toEqual([label]);
  expect(wrapText('2023年6月', 36, measure)).toEqual(['2023', '年6月']);
});

test('explicit line breaks are kept and each part is wrapped', () => {
  expect(wrapLabels(['万里区\n≤ 70 小时'], 200, measure)).toEqual([['万里区', '≤ 70 小时']]);
});

test('placed labels never overlap each other, obstacles or leave the plot', () => {
  const bounds: Box = { left: 0, top: 0, right: 100, bottom: 100 };
  const obstacle: Box = { left: 0, top: 0, right: 100, bottom: 10 };
  const same = { x: 50, y: 50 };
  const result = placeLabels(
    [
      { key: 'a', width: 20, height: 10, candidates: [same] },
      { key: 'b', width: 20, height: 10, candidates: [same, { x: 50, y: 65 }] },
      { key: 'c', width: 20, height: 10, candidates: [same, { x: 50, y: 5 }, { x: 95, y: 50 }] },
      { key: 'd', width: 20, height: 10, candidates: [{ x: 80, y: 50 }] },
    ],
    bounds,
    [obstacle],
  );
  expect(result.placed.map((p) => p.key)).toEqual(['a', 'b', 'd']);
  expect(result.unplaced).toEqual(['c']);
  for (const [i, p] of result.placed.entries()) {
    expect(overlaps(p.box, obstacle)).toBe(false);
    for (const q of result.placed.slice(i + 1)) expect(overlaps(p.box, q.box)).toBe(false);
  }
});

test('a segment too small for its value puts it beside the bar', () => {
  const tall: Box = { left: 10, top: 10, right: 60, bottom: 80 };
  const thin: Box = { left: 10, top: 80, right: 60, bottom: 86 };
  expect(segmentCandidates(tall, 14, 13, false)[0]).toEqual({ x: 35, y: 45 });
  const [first] = segmentCandidates(thin, 14, 13, false);
  expect(first!.x).toBeGreaterThan(thin.right);
});

test('a bar value goes past the bar end first', () => {
  const bar: Box = { left: 10, top: 40, right: 30, bottom: 100 };
  expect(endCandidates(bar, 20, 12, false)[0]!.y).toBeLessThan(bar.top);
  expect(endCandidates(bar, 20, 12, true)[0]!.x).toBeGreaterThan(bar.right);
});

test('categories stand side by side only while every unbreakable piece and four characters fit their slot', () => {
  const months = ['2023年6月', '2023年7月', '2023年12月'];
  expect(fitsSideBySide(months, 60, measure, 13)).toBe(true);
  expect(fitsSideBySide(months, 40, measure, 13)).toBe(false);
  expect(fitsSideBySide(['青山湖区', '万里区'], 50, measure, 13)).toBe(false);
  expect(fitsSideBySide(['青山湖区', '万里区'], 52, measure, 13)).toBe(true);
});

describe('date tick labels', () => {
  const dates = Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}-28`);
  const full = dates.map((d) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月28日`);
  const measure = (text: string) => text.length * 8;

  test('full dates where each fits on one line', () => {
    expect(dateTickLabels(dates, full, 200, measure)).toEqual(full.map((f) => [f]));
  });

  test('on a phone: short dates (7/31), the year once as a second line, never more than two lines', () => {
    const labels = dateTickLabels(dates, full, 60, measure);
    expect(labels[0]).toEqual(['1/28', '2023年']);
    expect(labels.slice(1).every((l) => l.length === 1 && !l[0]!.includes('年'))).toBe(true);
    expect(labels.flat().filter((l) => l.includes('年'))).toHaveLength(1);
    expect(shortDate('2023-07-31')).toBe('7/31');
  });

  test('the year is shown again where it changes', () => {
    const labels = dateTickLabels(
      ['2023-11-30', '2023-12-31', '2024-01-31'],
      ['a'.repeat(20), 'b'.repeat(20), 'c'.repeat(20)],
      60,
      measure,
    );
    expect(labels).toEqual([['11/30', '2023年'], ['12/31'], ['1/31', '2024年']]);
  });

  test('when even short labels do not fit side by side, every k-th is written and none overlap', () => {
    const slot = 20;
    const labels = dateTickLabels(dates, full, slot, measure);
    const written = labels.map((l, i) => ({ i, width: Math.max(...l.map(measure)) })).filter((l) => l.width > 0);
    expect(written.length).toBeLessThan(12);
    expect(written.length).toBeGreaterThan(1);
    for (const [a, b] of written.slice(1).map((w, j) => [written[j]!, w] as const))
      expect((b.i - a.i) * slot, 'room between written labels').toBeGreaterThanOrEqual((a.width + b.width) / 2);
    expect(labels.every((l) => l.length <= 2)).toBe(true);
  });
});

test('a drawn bar spans from its base to its value, upright or horizontal', () => {
  expect(barBox({ x: 50, y: 20, base: 100, width: 30, height: 0 }, false)).toEqual({ left: 35, right: 65, top: 20, bottom: 100 });
  // A negative bar (value below the base) still gives a box with top above bottom.
  expect(barBox({ x: 50, y: 120, base: 100, width: 30, height: 0 }, false)).toEqual({ left: 35, right: 65, top: 100, bottom: 120 });
  expect(barBox({ x: 200, y: 40, base: 10, width: 0, height: 16 }, true)).toEqual({ left: 10, right: 200, top: 32, bottom: 48 });
});

test('a value may cover its own bar but never another bar or point', () => {
  const own: Box = { left: 0, top: 50, right: 20, bottom: 100 };
  const neighbour: Box = { left: 22, top: 10, right: 42, bottom: 100 };
  const [request] = clearOfOtherMarks(
    [
      {
        key: 'a',
        text: '12',
        width: 14,
        height: 12,
        candidates: [
          { x: 10, y: 75 },
          { x: 30, y: 40 },
          { x: 10, y: 40 },
        ],
      },
    ],
    [
      { ...own, owner: 'a' },
      { ...neighbour, owner: 'b' },
    ],
  );
  // Inside its own bar is allowed, inside the neighbour is not; other fields are kept.
  expect(request!.candidates).toEqual([
    { x: 10, y: 75 },
    { x: 10, y: 40 },
  ]);
  expect(request!.text).toBe('12');
  // Touching a neighbour's edge is not covering it.
  const [touching] = clearOfOtherMarks(
    [{ key: 'a', width: 10, height: 10, candidates: [{ x: 17, y: 50 }] }],
    [{ ...neighbour, owner: 'b' }],
  );
  expect(touching!.candidates).toHaveLength(1);
});
