import { expect, test } from 'vitest';
import { normaliseForComparison, sourceUnits } from '../support/fidelity.ts';

test('only whitespace, punctuation width and bold markers are normalised', () => {
  expect(normaliseForComparison('力争到**2022**年底， 18 项（一级）')).toBe(normaliseForComparison('力争到2022年底,18项(一级)'));
  expect(normaliseForComparison('纳税时间70小时')).not.toBe(normaliseForComparison('纳税时间60小时'));
});

test('sources split into sentences and table cells', () => {
  expect(sourceUnits('一、目标\n\n第一句。第二句；\n1\t开办企业\t深圳\n——')).toEqual([
    '一、目标',
    '第一句',
    '第二句',
    '1',
    '开办企业',
    '深圳',
  ]);
});
