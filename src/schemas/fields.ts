/**
 * Field types shared by the table and frontmatter schemas. CSV cells arrive as
 * trimmed strings ('' = empty); each field turns one into a typed value or
 * reports, in words staff understand, what it expected instead.
 */
import { z } from 'astro/zod';
import { checkIsoDate, isoDateOf } from '../core/dates.ts';
import { messageText, type PlainMessageCode } from '../core/content-messages.ts';

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
  if (CHINESE_DATE.test(value)) return messageText('date-chinese');
  if (check.reason === 'not-real') return messageText('date-not-real');
  return messageText('date-format');
}

export const requiredText = () => z.string().min(1, { error: messageText('required') });

export const optionalText = () => z.string().transform((value) => (value === '' ? undefined : value));

export const isoDate = () =>
  z.string().superRefine((value, ctx) => {
    if (value === '') ctx.addIssue({ code: 'custom', message: messageText('date-required') });
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
  z.union([z.date(), z.string()], { error: messageText('date-format') }).transform((value, ctx) => {
    const iso = value instanceof Date ? isoDateOf(value) : value;
    const problem = dateProblem(iso);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return iso;
  });

const idMessage = (example: string) => messageText('id-format', { example });

/** An id (see ID_PATTERN); `example` is shown in the message when the value is not one. An empty cell is told it must be filled, not what an id looks like. */
export const slug = (example = 'qingshanhu') =>
  z.string().superRefine((value, ctx) => {
    if (value === '') ctx.addIssue({ code: 'custom', message: messageText('required') });
    else if (!ID_PATTERN.test(value)) ctx.addIssue({ code: 'custom', message: idMessage(example) });
  });

export const optionalSlug = (example = 'kaiban-qiye') =>
  z
    .string()
    .refine((value) => value === '' || ID_PATTERN.test(value), { error: idMessage(example) })
    .transform((value) => (value === '' ? undefined : value));

/** Other names of a thing as documents write them, separated by `;`. */
export const nameList = () =>
  z.string().transform((value) =>
    value === ''
      ? []
      : value
          .split(/[;；]/)
          .map((name) => name.trim())
          .filter(Boolean),
  );

/** Several ids in one cell, separated by `;`. */
export const slugList = () =>
  z
    .string()
    .transform((value) => (value === '' ? [] : value.split(/[;；]/).map((part) => part.trim())))
    .pipe(z.array(z.string().regex(ID_PATTERN, { error: messageText('id-list-format') })));

/** A number cell; `whenEmpty` is the message for an empty cell, or undefined when it may be empty. */
function numberCell(pattern: RegExp, whenWrong: PlainMessageCode, whenEmpty?: PlainMessageCode) {
  return z.string().transform((value, ctx) => {
    if (value === '') {
      if (whenEmpty) ctx.addIssue({ code: 'custom', message: messageText(whenEmpty) });
      return whenEmpty ? z.NEVER : undefined;
    }
    if (!pattern.test(value)) {
      ctx.addIssue({ code: 'custom', message: messageText(whenWrong) });
      return z.NEVER;
    }
    return Number(value);
  });
}

export const count = () => numberCell(/^\d+$/, 'count-format', 'count-required') as z.ZodType<number, string>;
export const optionalCount = () => numberCell(/^\d+$/, 'optional-count-format') as z.ZodType<number | undefined, string>;
export const decimal = () => numberCell(/^\d+(\.\d+)?$/, 'number-format', 'number-required') as z.ZodType<number, string>;
export const optionalPercent = () =>
  numberCell(/^\d+(\.\d+)?$/, 'percent-format').refine((value) => value === undefined || value <= 100, {
    error: messageText('percent-over-100'),
  }) as z.ZodType<number | undefined, string>;

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: messageText('choice', { choices: values.join('、') }) });
}

export function optionalOneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .union([z.literal(''), z.enum(values)], { error: messageText('optional-choice', { choices: values.join('、') }) })
    .transform((value) => (value === '' ? undefined : (value as T[number])));
}
