import { expect, test } from 'vitest';
import { ACCESS_DATE_PLACEHOLDER, bookTitle, citation, localIsoDate } from '../../src/lib/citation.ts';

const briefingChart = {
  authors: ['龙南深入推进营商环境优化升级“一号改革工程”工作领导小组办公室'],
  title: '龙南营商环境“一号改革工程”工作简报 第3期：各跟踪清单进展',
  published: '2023-08-04',
  url: 'https://www.example.gov.cn/yshj/briefings/longnan-jianbao-2023-03/#progress-longnan-jianbao-2023-03',
};

test('the GB/T 7714-2015 form names the issuing office, marks [EB/OL] and gives both dates and the full address', () => {
  expect(citation(briefingChart, '2026-11-25').gbt).toBe(
    '龙南深入推进营商环境优化升级“一号改革工程”工作领导小组办公室. 龙南营商环境“一号改革工程”工作简报 第3期：各跟踪清单进展[EB/OL]. (2023-08-04)[2026-11-25]. https://www.example.gov.cn/yshj/briefings/longnan-jianbao-2023-03/#progress-longnan-jianbao-2023-03.',
  );
});

test('without an access date both forms show the placeholder a reader fills in', () => {
  const { gbt, plain } = citation(briefingChart);
  expect(gbt).toContain(`(2023-08-04)[${ACCESS_DATE_PLACEHOLDER}]. https://`);
  expect(plain).toContain(`访问日期：${ACCESS_DATE_PLACEHOLDER}`);
});

test('the plain line reads as one sentence with the title in book-title marks and Chinese dates', () => {
  expect(citation(briefingChart, '2026-01-05').plain).toBe(
    '龙南深入推进营商环境优化升级“一号改革工程”工作领导小组办公室《龙南营商环境“一号改革工程”工作简报 第3期：各跟踪清单进展》，2023年8月4日发布，https://www.example.gov.cn/yshj/briefings/longnan-jianbao-2023-03/#progress-longnan-jianbao-2023-03，2026年1月5日访问。',
  );
});

test('a title that already holds book-title marks is never nested 《《》》', () => {
  const title = '赣州市营商办《关于各县（市、区）上半年优化营商环境主要指标情况的通报》：指标排名档次';
  expect(bookTitle(title)).toBe('《赣州市营商办〈关于各县（市、区）上半年优化营商环境主要指标情况的通报〉：指标排名档次》');
  const { plain, gbt } = citation({ ...briefingChart, title }, '2026-11-25');
  expect(plain).not.toMatch(/《[^》]*《/);
  expect(gbt).toContain(title);
});

test('more than three offices are cut to three and 等; repeated offices count once', () => {
  const many = citation({ ...briefingChart, authors: ['甲办', '乙办', '甲办', '丙办', '丁办'] }, '2026-11-25');
  expect(many.gbt.startsWith('甲办, 乙办, 丙办, 等. ')).toBe(true);
  expect(many.plain.startsWith('甲办、乙办、丙办等《')).toBe(true);
  expect(citation({ ...briefingChart, authors: ['甲办', '乙办'] }, '2026-11-25').gbt.startsWith('甲办, 乙办. ')).toBe(true);
  expect(() => citation({ ...briefingChart, authors: [' '] })).toThrow(/issuing office/);
});

test('a resource without a publication date leaves the parenthesis out; malformed dates are refused', () => {
  const undated = citation({ ...briefingChart, published: undefined }, '2026-11-25');
  expect(undated.gbt).toContain('[EB/OL]. [2026-11-25]. https://');
  expect(undated.plain).not.toContain('发布');
  expect(() => citation(briefingChart, '2026/11/25')).toThrow(/ISO date/);
});

test("today's date is the reader's local calendar day", () => {
  expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  expect(localIsoDate(new Date(2026, 10, 25, 0, 1))).toBe('2026-11-25');
});
