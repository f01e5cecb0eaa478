/**
 * Field types shared by the table and frontmatter schemas. CSV cells arrive as
 * trimmed strings ('' = empty); each field turns one into a typed value or
 * reports, in words staff understand, what it expected instead.
 */
import { z } from 'astro/zod';
import { checkIsoDate, isoDateOf } from '../core/dates.ts';

/**
 * The one id pattern of the site: lowercase pinyin, letters and digits in
 * words joined by single hyphens (qingshanhu, kaiban-qiye). Every id column,
 * frontmatter id and content file name is checked against it.
 */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CHINESE_DATE = /^\s*\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?\s*$/;

function dateProblem(value: string): string | undefined {
  const check = checkIsoDate(value);
  if (check.ok) return undefined;
  if (CHINESE_DATE.test(value)) return `是中文写法的日期，这里要求写成 YYYY-MM-DD，例如 2023-06-30`;
  if (check.reason === 'not-real') return `不是真实存在的日期（该月没有这一天）`;
  return `不是 YYYY-MM-DD 格式的日期，例如 2023-06-30`;
}

export const requiredText = () => z.string().min(1, { error: '不能为空' });

export const optionalText = () =>
  z.string().transform((value) => (value === '' ? undefined : value));

export const isoDate = () =>
  z.string().superRefine((value, ctx) => {
    if (value === '') ctx.addIssue({ code: 'custom', message: '不能为空，应为 YYYY-MM-DD 格式的日期' });
    else {
      const problem = dateProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }
  });

export const optionalIsoDate = () =>
  z
    .string()
    .superRefine((value, ctx) => {
      const problem = value === '' ? undefined : dateProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform((value) => (value === '' ? undefined : value));

/** A date in YAML frontmatter: YAML may hand over a Date or a string. Output is always ISO. */
export const frontmatterDate = () =>
  z.union([z.date(), z.string()]).transform((value, ctx) => {
    const iso = value instanceof Date ? isoDateOf(value) : value;
    const problem = dateProblem(iso);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return iso;
  });

const idMessage = (example: string) => `应为小写拼音或字母、数字和连字符组成的编号，例如 ${example}`;

/** An id (see ID_PATTERN); `example` is shown in the message when the value is not one. */
export const slug = (example = 'qingshanhu') => z.string().regex(ID_PATTERN, { error: idMessage(example) });

export const optionalSlug = (example = 'kaiban-qiye') =>
  z
    .string()
    .refine((value) => value === '' || ID_PATTERN.test(value), { error: idMessage(example) })
    .transform((value) => (value === '' ? undefined : value));

/** Several ids in one cell, separated by `;`. */
export const slugList = () =>
  z
    .string()
    .transform((value) => (value === '' ? [] : value.split(/[;；]/).map((part) => part.trim())))
    .pipe(z.array(z.string().regex(ID_PATTERN, { error: '编号之间用英文分号 ; 分隔，每个编号为小写拼音' })));

function numberCell(pattern: RegExp, expected: string, required: boolean) {
  return z.string().transform((value, ctx) => {
    if (value === '') {
      if (required) ctx.addIssue({ code: 'custom', message: `不能为空，应为${expected}` });
      return required ? z.NEVER : undefined;
    }
    if (!pattern.test(value)) {
      ctx.addIssue({ code: 'custom', message: `应为${expected}` });
      return z.NEVER;
    }
    return Number(value);
  });
}

export const count = () => numberCell(/^\d+$/, '不带单位的非负整数，例如 105', true) as z.ZodType<number, string>;
export const optionalCount = () =>
  numberCell(/^\d+$/, '不带单位的非负整数，例如 105；没有数据时留空', false) as z.ZodType<number | undefined, string>;
export const decimal = () =>
  numberCell(/^\d+(\.\d+)?$/, '不带单位的数字，例如 96 或 0.5', true) as z.ZodType<number, string>;
export const optionalPercent = () =>
  numberCell(/^\d+(\.\d+)?$/, '不带 % 号的百分数，例如 89.5；没有数据时留空', false).refine(
    (value) => value === undefined || value <= 100,
    { error: '百分数不能大于 100' },
  ) as z.ZodType<number | undefined, string>;

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `应为以下之一：${values.join('、')}` });
}

export function optionalOneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .union([z.literal(''), z.enum(values)], { error: `应为以下之一：${values.join('、')}，或留空` })
    .transform((value) => (value === '' ? undefined : (value as T[number])));
}
