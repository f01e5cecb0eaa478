import { expect, test } from 'vitest';
import { checkIsoDate, formatChineseDate, formatChineseMonth, isoDateFromParts, isoDateOf, isRealDate } from '../../../src/core/dates.ts';

test('real dates are told from impossible ones, leap years included', () => {
  expect(isRealDate(2023, 6, 30)).toBe(true);
  expect(isRealDate(2023, 6, 31)).toBe(false);
  expect(isRealDate(2024, 2, 29)).toBe(true);
  expect(isRealDate(2023, 2, 29)).toBe(false);
  expect(isRealDate(2023, 13, 1)).toBe(false);
  expect(isRealDate(2023, 1, 0)).toBe(false);
});

test('checkIsoDate explains why a value is not a usable date', () => {
  expect(checkIsoDate('2023-06-30')).toEqual({ ok: true, value: '2023-06-30' });
  expect(checkIsoDate('2023-06-31')).toEqual({ ok: false, reason: 'not-real' });
  expect(checkIsoDate('2023-6-30')).toEqual({ ok: false, reason: 'format' });
  expect(checkIsoDate('2023年6月30日')).toEqual({ ok: false, reason: 'format' });
});

test('dates are printed the way the documents print them', () => {
  expect(formatChineseDate('2023-06-30')).toBe('2023年6月30日');
  expect(formatChineseDate('2022-09-16')).toBe('2022年9月16日');
  expect(formatChineseMonth('2023-12-31')).toBe('2023年12月');
});

test('YAML timestamps (UTC midnight) keep their calendar day in any time zone', () => {
  expect(isoDateOf(new Date(Date.UTC(2023, 6, 28)))).toBe('2023-07-28');
});

test('a date written in parts becomes ISO with month and day in two digits, as numbers or as digits written', () => {
  expect(isoDateFromParts(2023, 8, 4)).toBe('2023-08-04');
  expect(isoDateFromParts('2023', '08', '4')).toBe('2023-08-04');
  expect(isoDateFromParts(2023, 12, 31)).toBe('2023-12-31');
});
