/**
 * The catalogue of content messages is the only place their words live: every
 * problem the broken fixtures produce is one of its entries, no check or schema
 * writes a message of its own, every entry is used, and the author guide's
 * table of messages is exactly the one generated from it.
 *
 * After changing the catalogue, regenerate the guide's tables with
 *
 *   UPDATE_GUIDE=1 npx vitest run test/unit/core/content-messages.test.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { authorGuideMessageTables, contentMessage, CONTENT_MESSAGES, messageCodesOf } from '../../../src/core/content-messages.ts';
import { validateContent } from '../../../src/lib/content/validate-content.ts';
import { PROJECT_ROOT } from '../../support/astro-build.ts';
import { invalidCases, withOverlay } from '../../support/fixtures.ts';

const GUIDE = join(PROJECT_ROOT, 'docs', 'author-guide.md');
const GUIDE_TABLES = /(<!-- messages:start -->\n)([\s\S]*?)(<!-- messages:end -->)/;

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(join(PROJECT_ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|astro)$/.test(entry.name))
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path: path.slice(PROJECT_ROOT.length + 1), text: readFileSync(path, 'utf8') };
    });
}

test('fills values into a message and its hint', () => {
  expect(contentMessage('csv-cell-count', { cells: 12, columns: 11 })).toEqual({
    message: '这一行有 12 个单元格，表头有 11 列',
    hint: '检查是否多了或少了逗号；含逗号的单元格要用英文双引号括起来',
  });
  expect(messageCodesOf('这一行有 12 个单元格，表头有 11 列', '检查是否多了或少了逗号；含逗号的单元格要用英文双引号括起来')).toEqual([
    'csv-cell-count',
  ]);
  expect(messageCodesOf('这一行有问题')).toEqual([]);
});

test('every problem the broken fixtures produce is an entry of the catalogue', () => {
  const unknown: string[] = [];
  let seen = 0;
  for (const name of invalidCases()) {
    for (const issue of validateContent(withOverlay(name), 'content').issues) {
      seen += 1;
      if (messageCodesOf(issue.message, issue.hint).length === 0) unknown.push(`${name}: ${issue.message} — ${issue.hint ?? ''}`);
    }
  }
  expect(seen).toBeGreaterThan(40);
  expect(unknown).toEqual([]);
});

test('no check or schema writes a message of its own', () => {
  const own = [...sources('src/lib/content'), ...sources('src/schemas')].flatMap(({ path, text }) =>
    [...text.matchAll(/\b(message|error|hint)\s*:\s*[`'"][^`'"]*\p{Script=Han}/gu)].map((match) => `${path}: ${match[0]}`),
  );
  expect(own).toEqual([]);
});

test('every entry of the catalogue is used', () => {
  const code = [...sources('src'), ...sources('scripts/authoring')].map((file) => file.text).join('\n');
  expect(Object.keys(CONTENT_MESSAGES).filter((name) => !code.includes(`'${name}'`))).toEqual([]);
});

test('the author guide lists exactly the catalogue', () => {
  const guide = readFileSync(GUIDE, 'utf8');
  const generated = `${authorGuideMessageTables()}\n`;
  if (process.env.UPDATE_GUIDE === '1')
    writeFileSync(
      GUIDE,
      guide.replace(GUIDE_TABLES, (_, start: string, _old: string, end: string) => `${start}${generated}${end}`),
    );
  const match = GUIDE_TABLES.exec(readFileSync(GUIDE, 'utf8'));
  expect(match, 'docs/author-guide.md marks its tables of messages with <!-- messages:start --> and <!-- messages:end -->').not.toBeNull();
  expect(match![2]).toBe(generated);
});
