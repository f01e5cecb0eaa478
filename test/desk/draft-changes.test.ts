/**
 * Drafts as lists of changes: whole files replaced, rows appended to the
 * table as it is when the draft is published (so two drafts adding rows keep
 * both), and the draft marks an import writes removed on publication with
 * every other line kept as written.
 */
import { describe, expect, test } from 'vitest';
import { applyChanges, changedFiles, withoutDraftMark, type DraftChange } from '../../src/lib/desk/draft-changes.ts';
import { draftFrontmatter } from '../../scripts/authoring/docx-draft.ts';
import { readContentFiles } from '../../src/loaders/content-files.ts';
import { validateContent } from '../../src/lib/content/validate-content.ts';
import { PROJECT_ROOT } from '../support/astro-build.ts';
import { join } from 'node:path';

const PROGRESS_HEADER = '编号,地区,跟踪事项,截至日期,总数,已完成,正在推进,未完成,长期坚持,公布完成率,原文,来源简报,来源章节';
const content = [
  {
    path: 'tables/progress.csv',
    text: `${PROGRESS_HEADER}\na-1,longnan,disanfang-zhenggai,2023-07-31,105,83,11,11,,89.5,原文一,longnan-jianbao-2023-03,事项清单\n`,
  },
  { path: 'briefings/b.mdx', text: '---\ntitle: "旧"\n---\n\n正文\n' },
];
const row = (id: string, extra: Record<string, string> = {}) => ({
  编号: id,
  地区: 'longnan',
  跟踪事项: 'disanfang-zhenggai',
  截至日期: '2023-08-31',
  总数: '105',
  已完成: '96',
  原文: '含逗号，和"引号"',
  ...extra,
});

describe('applyChanges', () => {
  test("appends rows under the file's own header, quoting as CSV needs, keeping the rest byte for byte", () => {
    const [progress] = applyChanges(content, [{ kind: 'rows', path: 'tables/progress.csv', rows: [row('a-2', { 原文: 'a,"b"' })] }]);
    expect(progress!.text).toBe(`${content[0]!.text}a-2,longnan,disanfang-zhenggai,2023-08-31,105,96,,,,,"a,""b""",,\n`);
  });

  test('two drafts adding rows to the same table keep both, applied to the table as it is then', () => {
    const first: DraftChange[] = [{ kind: 'rows', path: 'tables/progress.csv', rows: [row('a-2')] }];
    const second: DraftChange[] = [{ kind: 'rows', path: 'tables/progress.csv', rows: [row('a-3')] }];
    const published = applyChanges(applyChanges(content, first), second);
    const ids = published
      .find((f) => f.path === 'tables/progress.csv')!
      .text.split('\n')
      .map((line) => line.split(',')[0]);
    expect(ids).toEqual(['编号', 'a-1', 'a-2', 'a-3', '']);
  });

  test('rows for a table not there yet start it with the header its definition gives', () => {
    const files = applyChanges([], [{ kind: 'rows', path: 'tables/progress.csv', rows: [row('a-2')] }]);
    expect(files[0]!.text.split('\n')[0]).toBe(PROGRESS_HEADER);
  });

  test('a file change adds or replaces the whole file; the content passed in is not altered', () => {
    const files = applyChanges(content, [
      { kind: 'file', path: 'briefings/b.mdx', text: 'new' },
      { kind: 'file', path: 'briefings/c.mdx', text: 'c' },
    ]);
    expect(files.map((f) => [f.path, f.text])).toEqual([
      ['tables/progress.csv', content[0]!.text],
      ['briefings/b.mdx', 'new'],
      ['briefings/c.mdx', 'c'],
    ]);
    expect(content[1]!.text).toContain('旧');
  });

  test("the real content with a draft's rows passes the content check", () => {
    const real = readContentFiles(join(PROJECT_ROOT, 'content'));
    const after = applyChanges(real, [
      {
        kind: 'rows',
        path: 'tables/progress.csv',
        rows: [
          {
            ...row('longnan-2023-09-30-disanfang-zhenggai', {
              截至日期: '2023-09-30',
              已完成: '100',
              未完成: '5',
              来源简报: 'longnan-jianbao-2023-03',
              来源章节: '事项清单',
            }),
          },
        ],
      },
    ]);
    expect(validateContent(after, 'content').issues).toEqual([]);
  });
});

describe('changedFiles', () => {
  test('only the files whose text changes, in full', () => {
    const changed = changedFiles(content, [
      { kind: 'file', path: 'briefings/b.mdx', text: content[1]!.text },
      { kind: 'rows', path: 'tables/progress.csv', rows: [row('a-2')] },
      { kind: 'file', path: 'briefings/new.mdx', text: 'n' },
    ]);
    expect(changed.map((f) => f.path)).toEqual(['tables/progress.csv', 'briefings/new.mdx']);
    expect(changed[0]!.text.startsWith(content[0]!.text)).toBe(true);
    expect(changedFiles(content, [{ kind: 'rows', path: 'tables/progress.csv', rows: [] }])).toEqual([]);
  });
});

describe('withoutDraftMark', () => {
  const draft = (review: { recognised: string[]; toCheck: string[] }, newline = '\n') =>
    [
      '---',
      'title: "龙南营商环境“一号改革工程”工作简报 第4期"',
      'issue: 4',
      'date: 2023-09-05',
      ...draftFrontmatter(review, '本期'),
      '---',
      '',
      '## 事项清单',
      '',
      'draft: true 这一行在正文里，不是文件信息。',
      '',
    ].join(newline);

  test("removes draft: true and the import's review list with their comment lines, nothing else", () => {
    const [published] = withoutDraftMark([
      { kind: 'file', path: 'briefings/x.mdx', text: draft({ recognised: ['期号：第4期', '报送: 含冒号'], toCheck: ['请核对 - 一项'] }) },
    ]);
    expect(published).toEqual({
      kind: 'file',
      path: 'briefings/x.mdx',
      text: '---\ntitle: "龙南营商环境“一号改革工程”工作简报 第4期"\nissue: 4\ndate: 2023-09-05\n---\n\n## 事项清单\n\ndraft: true 这一行在正文里，不是文件信息。\n',
    });
  });

  test('empty review lists and Windows line ends', () => {
    const [published] = withoutDraftMark([{ kind: 'file', path: 'policies/p.mdx', text: draft({ recognised: [], toCheck: [] }, '\r\n') }]);
    expect((published as { text: string }).text).toBe(
      '---\r\ntitle: "龙南营商环境“一号改革工程”工作简报 第4期"\r\nissue: 4\r\ndate: 2023-09-05\r\n---\r\n\r\n## 事项清单\r\n\r\ndraft: true 这一行在正文里，不是文件信息。\r\n',
    );
  });

  test('a draft: true written by hand in the middle of the frontmatter', () => {
    const [published] = withoutDraftMark([
      { kind: 'file', path: 'briefings/y.mdx', text: '---\ntitle: a\ndraft: true\ndate: 2023-09-05\n---\nbody\n' },
    ]);
    expect((published as { text: string }).text).toBe('---\ntitle: a\ndate: 2023-09-05\n---\nbody\n');
  });

  test('leaves rows, CSV files and published documents as they are', () => {
    const changes: DraftChange[] = [
      { kind: 'rows', path: 'tables/progress.csv', rows: [row('a-2')] },
      { kind: 'file', path: 'tasks/t.csv', text: 'draft: true\n' },
      { kind: 'file', path: 'briefings/b.mdx', text: content[1]!.text },
    ];
    expect(withoutDraftMark(changes)).toEqual(changes);
  });
});
