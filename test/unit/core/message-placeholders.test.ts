/**
 * The catalogue's `{placeholder}` names are types: a value for a misspelt or
 * missing name fails the type check (`astro check`, part of npm test), so a
 * message is never printed with `{name}` left in it. The lines marked
 * @ts-expect-error are the proof: were they accepted, the check would fail.
 */
import { expect, expectTypeOf, test } from 'vitest';
import { contentMessage, type MessagePlaceholders } from '../../../src/core/content-messages.ts';

test('placeholder names are read from the message and its hint', () => {
  expectTypeOf<MessagePlaceholders<'csv-cell-count'>>().toEqualTypeOf<'cells' | 'columns'>();
  expectTypeOf<MessagePlaceholders<'csv-missing-column'>>().toEqualTypeOf<'header'>();
  // `{ }` and `\{` in the mdx-syntax hint are text, not placeholders.
  expectTypeOf<MessagePlaceholders<'mdx-syntax'>>().toEqualTypeOf<'problem'>();
  expectTypeOf<MessagePlaceholders<'mdx-unsafe-tag'>>().toEqualTypeOf<never>();
});

test('a misspelt or missing placeholder value does not type-check', () => {
  expect(contentMessage('csv-cell-count', { cells: 3, columns: 4 }).message).toBe('这一行有 3 个单元格，表头有 4 列');
  // @ts-expect-error `cell` is not a placeholder of this message (`cells` is).
  expect(contentMessage('csv-cell-count', { cell: 3, columns: 4 }).message).toContain('{cells}');
  // @ts-expect-error the value of {header} is missing.
  expect(contentMessage('csv-missing-column').hint).toContain('{header}');
  // @ts-expect-error this message has no placeholders.
  contentMessage('mdx-unsafe-tag', { tag: 'script' });
});
