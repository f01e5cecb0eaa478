/**
 * Tracker figures written the ways staff word them. The sentences follow the
 * house style of 龙南简报第3期 (content/sources/longnan-jianbao-2023-03.txt)
 * and vary it as a clerk would: 事项 dropped or kept, 已完成 / 完成 /
 * 已取得阶段性成效, 截止 / 截至 (with the year, with spaces), the total as
 * 有N项 / N项 / 共N项, the date first, full-width digits. And the other side:
 * a sentence that does not write a count never gets one — no count read from
 * 未完成, 基本完成 or 回访, no day made up for 8月底, no total taken from a
 * subset (其中) or from a count of something done (已办结).
 */
import { describe, expect, test } from 'vitest';
import { trackerFigure, type TrackerFigure, type UnmatchedFigure } from '../../scripts/authoring/figure-sentences.ts';

const TRACKERS = [
  { id: 'disanfang-zhenggai', name: '第三方评价反馈问题整改', aliases: ['第三方整改', '第三方评价反馈'] },
  { id: 'duibiao-tisheng', name: '对标提升', aliases: ['对标湾区持续优化提升营商环境重点任务'] },
  { id: 'chuangxin-shidian', name: '创新试点', aliases: ['创新试点城市', '创新试点改革'] },
];
const BRIEFING_DATE = '2023-09-05';
const figure = (sentence: string) => trackerFigure(sentence, BRIEFING_DATE, TRACKERS);

describe('recognised, whichever way the sentence is worded', () => {
  test.each([
    [
      '事项 left out of 已取得阶段性成效 and 未完成阶段任务',
      '创新试点城市事项进展：推进营商环境创新试点改革事项有125项，截止8月31日，已取得阶段性成效80项，未完成阶段任务10项，持续推进35项，完成率64.0%。',
      { tracker: 'chuangxin-shidian', total: 125, completed: 80, notCompleted: 10, inProgress: 35, publishedRateText: '64.0' },
    ],
    [
      '的有 instead of 的事项有, and a bare N项 total',
      '创新试点进展：推进营商环境创新试点改革125项，截至8月31日，已取得阶段性成效的有80项，未完成阶段任务的有10项，持续推进的有35项，完成率64%。',
      { tracker: 'chuangxin-shidian', total: 125, completed: 80, notCompleted: 10, inProgress: 35, publishedRateText: '64' },
    ],
    [
      '完成 without 已, 截至 instead of 截止',
      '第三方整改事项进展：2022年度省营商环境第三方评价反馈59项具体问题整改举措清单105项，截至8月31日，完成96项，未完成3项，正在推进6项，完成率97.1%。',
      { tracker: 'disanfang-zhenggai', total: 105, completed: 96, notCompleted: 3, inProgress: 6, publishedRateText: '97.1' },
    ],
    [
      '共N项, 已完成事项N项, the year written',
      '对标提升事项进展：对标湾区持续优化提升营商环境重点任务共93项，截至2023年8月31日，已完成事项45项，未完成42项，长期坚持6项，完成率48.4%。',
      { tracker: 'duibiao-tisheng', total: 93, completed: 45, notCompleted: 42, longTerm: 6, publishedRateText: '48.4' },
    ],
    [
      '已完成的事项有N项',
      '对标提升事项进展：对标湾区持续优化提升营商环境重点任务有93项，截止8月31日，已完成的事项有45项，未完成的事项有42项，长期坚持的事项有6项。',
      { tracker: 'duibiao-tisheng', total: 93, completed: 45, notCompleted: 42, longTerm: 6 },
    ],
    [
      'full-width digits, point and percent sign',
      '第三方整改事项进展：整改举措清单１０５项，截止８月３１日，已完成９６项，未完成３项，正在推进６项，完成率９７．１％。',
      { tracker: 'disanfang-zhenggai', total: 105, completed: 96, notCompleted: 3, inProgress: 6, publishedRateText: '97.1' },
    ],
    [
      'the date first',
      '截至8月31日，对标提升重点任务93项，已完成45项，未完成42项，长期坚持6项。',
      { tracker: 'duibiao-tisheng', total: 93, completed: 45, notCompleted: 42, longTerm: 6 },
    ],
    [
      'spaces around the digits, as text pasted from a PDF',
      '对标提升事项进展：对标湾区持续优化提升营商环境重点任务有 93 项，截止 8 月 31 日，已完成 45 项，未完成 42 项，长期坚持 6 项，完成率 48.4%。',
      { tracker: 'duibiao-tisheng', total: 93, completed: 45, notCompleted: 42, longTerm: 6, publishedRateText: '48.4' },
    ],
    [
      'a subset (其中) is not the total',
      '对标提升重点任务共93项，其中年度任务35项，截止到8月31日，已完成45项，未完成42项，长期坚持6项。',
      { tracker: 'duibiao-tisheng', total: 93, completed: 45, notCompleted: 42, longTerm: 6 },
    ],
  ] as const)('%s', (_, sentence, expected) => {
    const found = figure(sentence) as TrackerFigure;
    expect(found).toMatchObject({ ...expected, asOf: '2023-08-31', quote: sentence });
    for (const part of ['inProgress', 'notCompleted', 'longTerm', 'publishedRateText'] as const)
      if (!(part in expected)) expect(found).not.toHaveProperty(part);
  });
});

describe('never a number that is not written', () => {
  const unmatched = (sentence: string) => {
    const found = figure(sentence);
    expect(found, sentence).toHaveProperty('reason');
    return found as UnmatchedFigure;
  };

  test('no completed count: unplaced, with the counts it did write', () => {
    const found = unmatched(
      '对标提升事项进展：对标湾区持续优化提升营商环境重点任务93项，截至8月31日，大部分已完成，未完成42项，长期坚持6项。',
    );
    expect(found.reason).toBe('看起来是进展数字，但没有找到已完成数');
    expect(found.read).toEqual({
      tracker: 'duibiao-tisheng',
      asOf: '2023-08-31',
      asOfText: '8月31日',
      total: 93,
      notCompleted: 42,
      longTerm: 6,
    });
  });

  test('未完成 is not 完成', () => {
    const found = unmatched('对标提升：重点任务93项，截至8月31日，未完成42项，长期坚持6项。');
    expect(found.reason).toBe('看起来是进展数字，但没有找到已完成数');
    expect(found.read?.completed).toBeUndefined();
    expect(found.read?.notCompleted).toBe(42);
  });

  test('基本完成 is not 已完成', () => {
    const found = unmatched('对标提升：重点任务93项，截至8月31日，基本完成40项，未完成53项。');
    expect(found.read?.completed).toBeUndefined();
  });

  test('截至8月底 gives no day', () => {
    const found = unmatched('第三方整改事项进展：整改举措清单105项，截至8月底，已完成96项，未完成3项，正在推进6项。');
    expect(found.reason).toBe('看起来是进展数字，但没有找到截止日期');
    expect(found.read?.asOf).toBeUndefined();
  });

  test('截至目前 gives no date', () => {
    expect(unmatched('对标提升重点任务93项，截至目前，已完成45项。').reason).toBe('看起来是进展数字，但没有找到截止日期');
  });

  test('a complaints sentence: 已完成回访 is not a completed count, 已办结 not a total', () => {
    const found = unmatched('营商环境投诉事项进展：截止8月31日，共受理投诉12项，已办结10项，办结率83.3%，已完成回访9项。');
    expect(found.read?.completed).toBeUndefined();
    expect(found.read?.total).not.toBe(10);
  });

  test('a sentence with no count at all is not a figure', () => {
    expect(figure('市营商办对各类事项清单进行日常梳理、每周调度、月度总结。')).toBeUndefined();
    expect(figure('各责任单位要按时完成整改任务。')).toBeUndefined();
  });
});
