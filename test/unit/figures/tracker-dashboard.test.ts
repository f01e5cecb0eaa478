import { expect, test } from 'vitest';
import {
  formatDelta,
  formatPointChange,
  headlineCards,
  rateSpread,
  shownRate,
  trackerCards,
  trendLine,
} from '../../../src/lib/figures/tracker-dashboard.ts';
import { revisionLinks } from '../../../src/lib/figures/revisions.ts';
import { twelveBriefingRows } from '../../support/twelve-briefings.ts';

const { rows, revisions } = twelveBriefingRows();
const cards = trackerCards(rows, (id) => revisions.get(id));
const card = (tracker: string) => cards.find((c) => c.tracker === tracker)!;

test('one card per region and tracked list, each showing the latest as-of date and its figures', () => {
  expect(cards.map((c) => `${c.region}/${c.tracker}`).sort()).toEqual(['qingshanhu/chuangxin-shidian', 'qingshanhu/duibiao-tisheng']);
  const duibiao = card('duibiao-tisheng');
  expect(duibiao.latest).toMatchObject({
    asOf: '2023-12-31',
    total: 93,
    completed: 87,
    longTerm: 6,
    publishedRate: 93.5,
    briefing: 'ceshi-jianbao-2023-12',
  });
  expect(duibiao.check.agrees).toBe(true);
});

test('the change since the previous briefing uses the revised figure, and the card says it is a revision', () => {
  const duibiao = card('duibiao-tisheng');
  // November was first published as 74 completed, then revised to 76 in December: +11, not +13.
  expect(duibiao.previous).toMatchObject({ asOf: '2023-11-30', completed: 76, briefing: 'ceshi-jianbao-2023-12' });
  expect(duibiao.changes.find((c) => c.key === 'completed')!.delta).toBe(11);
  expect(duibiao.changes.find((c) => c.key === 'notCompleted')!.delta).toBe(-11);
  expect(duibiao.rateChange).toBe(11.8);
  expect(duibiao.revised).toHaveLength(1);
  expect(duibiao.revised[0]!.row.asOf).toBe('2023-11-30');
  expect(duibiao.revised[0]!.revises).toMatchObject({ completed: 74, briefing: 'ceshi-jianbao-2023-11' });
  expect(card('chuangxin-shidian').revised).toEqual([]);
});

test('the trend has one point per as-of date (twelve), revised values in place of the figures they replace', () => {
  const trend = card('duibiao-tisheng').trend;
  expect(trend).toHaveLength(12);
  expect(trend.map((p) => p.asOf)).toEqual([...trend.map((p) => p.asOf)].sort());
  expect(trend[10]).toEqual({ asOf: '2023-11-30', rate: 81.7, computed: false });
  // The June fall is kept, not smoothed.
  expect(trend[5]!.rate!).toBeLessThan(trend[4]!.rate!);
  expect(card('chuangxin-shidian').trend).toHaveLength(12);
});

test('a rate that falls gives a negative change in percentage points', () => {
  const cut = rows.filter((r) => r.asOf <= '2023-09-30');
  const september = trackerCards(cut, (id) => revisionLinks(cut).get(id)).find((c) => c.tracker === 'chuangxin-shidian')!;
  // 创新试点 grew from 125 to 140 items in September: two more completed, yet the rate fell.
  expect(september.changes.find((c) => c.key === 'total')!.delta).toBe(15);
  expect(september.changes.find((c) => c.key === 'completed')!.delta).toBe(2);
  expect(september.rateChange).toBe(-4.7);
  expect(formatPointChange(september.rateChange!)).toBe('−4.7 个百分点');
});

test('a published rate that differs from the counts is kept beside the computed one', () => {
  const april = rows.filter((r) => r.asOf <= '2023-04-30');
  const cardOfApril = trackerCards(april, () => undefined).find((c) => c.tracker === 'chuangxin-shidian')!;
  expect(cardOfApril.check.agrees).toBe(false);
  expect(cardOfApril.check.computed).toBe(32);
  expect(cardOfApril.latest.publishedRate).not.toBe(32);
});

test('a list reported once has no previous figure and a one-point trend', () => {
  const first = rows.filter((r) => r.asOf === '2023-01-31');
  const [only] = trackerCards(first, () => undefined);
  expect(only!.previous).toBeUndefined();
  expect(only!.changes).toEqual([]);
  expect(only!.rateChange).toBeUndefined();
  expect(trendLine(only!.trend).dots).toHaveLength(1);
});

test('changes are written with their sign; a rate without a published one is computed', () => {
  expect([formatDelta(13), formatDelta(-2), formatDelta(0)]).toEqual(['+13', '−2', '±0']);
  expect([formatPointChange(7.6), formatPointChange(0)]).toEqual(['+7.6 个百分点', '持平']);
  expect(shownRate({ total: 105, completed: 83 })).toEqual({ rate: 79, computed: true });
});

test('the trend line is on a fixed 0–100% scale: 100% at the top, 0% at the bottom, dates evenly spaced', () => {
  const line = trendLine(
    [
      { asOf: 'a', rate: 0, computed: false },
      { asOf: 'b', rate: 50, computed: false },
      { asOf: 'c', rate: 100, computed: false },
    ],
    100,
    40,
    0,
  );
  expect(line.dots.map((d) => [d.x, d.y])).toEqual([
    [0, 40],
    [50, 20],
    [100, 0],
  ]);
  expect(line.points).toBe('0,40 50,20 100,0');
});

test('the spread of latest rates counts regions in bands of ten points, 100% in the last', () => {
  const spread = rateSpread([5, 12.5, 19.9, 100, 55]);
  expect(spread.buckets.map((b) => b.count)).toEqual([1, 2, 0, 0, 0, 1, 0, 0, 0, 1]);
  expect(spread).toMatchObject({ lowest: 5, highest: 100, median: 19.9 });
});

test('headline figures: per tracker, the most recent card, and how many regions report it', () => {
  const other = { ...card('duibiao-tisheng'), region: 'wanli', latest: { ...card('duibiao-tisheng').latest, asOf: '2023-10-31' } };
  const headlines = headlineCards([other, ...cards], ['duibiao-tisheng', 'chuangxin-shidian', 'no-figures']);
  expect(headlines.map((h) => [h.card.tracker, h.card.region, h.regions])).toEqual([
    ['duibiao-tisheng', 'qingshanhu', 2],
    ['chuangxin-shidian', 'qingshanhu', 1],
  ]);
});
