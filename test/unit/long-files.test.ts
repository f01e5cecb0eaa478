/**
 * A source file of more than 350 lines says at its top why it is one file:
 * its first comment has a line starting “Why one file:”. Long files usually do
 * several jobs and are split along their seams; the few that stay long (a
 * catalogue, one closure of routes) carry the reason, so a reader knows it
 * was a decision. Covers the code under src/, scripts/, desk/ and test/support/
 * (not tests, test data or vendored files).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { filesUnder } from '../../src/loaders/file-tree.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FOLDERS = ['src', 'scripts', 'desk', 'test/support'];
const SOURCE = /\.(ts|mts|mjs|js|astro)$/;
const LONG_FILE_LINES = 350;
const REASON = /^\s*(?:\*|\/\/)?\s*Why one file:/m;

/** The first comment of a source file (a block comment or a run of line comments), or '' if it has none. */
function firstComment(text: string): string {
  return /\/\*[\s\S]*?\*\/|(?:^[ \t]*\/\/.*(?:\n|$))+/m.exec(text)?.[0] ?? '';
}

/** Whether a file is over the limit without a reason at its top. */
function needsReason(text: string, limit = LONG_FILE_LINES): boolean {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0) > limit && !REASON.test(firstComment(text));
}

test('the rule: only a long file without “Why one file:” in its first comment fails', () => {
  const body = (n: number) => Array.from({ length: n }, (_, i) => `const a${i} = ${i};`).join('\n') + '\n';
  expect(needsReason(`/** Short. */\n${body(10)}`)).toBe(false);
  expect(needsReason(`/** Long, no reason. */\n${body(400)}`)).toBe(true);
  expect(needsReason(`/**\n * A catalogue.\n * Why one file: staff read it as one list.\n */\n${body(400)}`)).toBe(false);
  expect(needsReason(`// A catalogue.\n// Why one file: one list.\n${body(400)}`)).toBe(false);
  // The reason must be in the first comment, not somewhere further down.
  expect(needsReason(`/** Long. */\n${body(400)}/** Why one file: too late. */\n`)).toBe(true);
  // Exactly at the limit is fine.
  expect(needsReason(`${body(LONG_FILE_LINES)}`)).toBe(false);
  expect(needsReason(`${body(LONG_FILE_LINES + 1)}`)).toBe(true);
});

test(`every source file over ${LONG_FILE_LINES} lines says why it is one file`, () => {
  const files = FOLDERS.flatMap((folder) => filesUnder(join(ROOT, folder)))
    .filter((file) => SOURCE.test(file))
    .map((file) => relative(ROOT, file));
  expect(files.length).toBeGreaterThan(100);
  const unexplained = files.filter((file) => needsReason(readFileSync(join(ROOT, file), 'utf8')));
  expect(unexplained, `split these along their seams, or add “Why one file:” to the first comment`).toEqual([]);
});
