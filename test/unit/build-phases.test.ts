import { expect, test } from 'vitest';
import { phaseDurations, phaseSpreads, reusedPages, spreadOf, spreadText } from '../../src/lib/build-phases.ts';

test('each phase runs from the previous mark, the first from the start of the process', () => {
  const phases = phaseDurations([
    { phase: '启动', at: 1500 },
    { phase: '内容检查', at: 6500 },
    { phase: '生成页面', at: 66_500 },
  ]);
  expect(phases).toEqual([
    { phase: '启动', seconds: 1.5 },
    { phase: '内容检查', seconds: 5 },
    { phase: '生成页面', seconds: 60 },
  ]);
});

test('a spread names the fastest, middle and slowest run, whatever their order', () => {
  expect(spreadOf([71.8, 65.0, 157.4])).toEqual({ min: 65.0, median: 71.8, max: 157.4 });
  expect(spreadOf([4, 1, 3, 2])).toEqual({ min: 1, median: 2.5, max: 4 });
  expect(() => spreadOf([])).toThrow();
});

test('phase spreads line up the same phase across builds', () => {
  const run = (gate: number, render: number) => [
    { phase: '内容检查', seconds: gate },
    { phase: '生成页面', seconds: render },
  ];
  expect(phaseSpreads([run(5, 80), run(4, 90), run(6, 70)])).toEqual([
    { phase: '内容检查', spread: { min: 4, median: 5, max: 6 } },
    { phase: '生成页面', spread: { min: 70, median: 80, max: 90 } },
  ]);
});

test('a spread prints as the benchmarks show it: median, then fastest–slowest', () => {
  expect(spreadText(spreadOf([95.34, 88.31, 112.06]))).toBe('95.3 (88.3–112.1)');
  expect(spreadText(spreadOf([0.951, 1.29, 0.97]), 2)).toBe('0.97 (0.95–1.29)');
});

test('the pages a --changed build reused are counted from its log, whether left in place or copied from the cache', () => {
  const log = [
    '  ├─ /briefings/a/index.html (+12ms) ',
    '  ├─ /briefings/b/index.html (cached)',
    '  └─ /policies/c/index.html (restored)',
  ].join('\n');
  expect(reusedPages(log)).toBe(2);
});
