/**
 * The cache keys of `npm run build -- --changed`: an edit in one region
 * changes the keys of that region's pages and its family's, and of no other
 * region's; an edit to a table every page reads changes every key.
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { citationDigests, citedDocuments, contentDigests, digestOf, digestOfText, pageKey } from '../../../src/lib/content/content-digests.ts';
import { SINGLE_FILE_TABLES } from '../../../src/schemas/datasets.ts';
import type { ContentModel } from '../../../src/lib/content/content-model.ts';
import { readContentFiles } from '../../../src/loaders/content-files.ts';
import { validateContent } from '../../../src/lib/content/validate-content.ts';
import type { ContentFile } from '../../../src/lib/content/content-model.ts';
import { PROJECT_ROOT } from '../../support/astro-build.ts';

const files = readContentFiles(join(PROJECT_ROOT, 'content'));

function keys(edit: (files: ContentFile[]) => ContentFile[], body = () => 'body') {
  const { model, issues } = validateContent(edit(files.map((f) => ({ ...f }))));
  expect(issues).toEqual([]);
  const digests = contentDigests(model, body);
  const of = (region: string) => pageKey(digests, [region], 'page');
  return { longnan: of('longnan'), ganzhou: of('ganzhou'), qingshanhu: of('qingshanhu'), shangrao: of('shangrao'), chart: pageKey(digests, [], 'chart') };
}

const replaceIn = (path: string, from: string, to: string) => (all: ContentFile[]) =>
  all.map((f) => (f.path === path ? { ...f, text: f.text.replace(from, to) } : f));

const before = keys((all) => all);

test("with the digests of the files' text, a task-list cell corrected in 青山湖 still changes 青山湖 only", () => {
  const list = 'tasks/qingshanhu-2023-zhibiao-renwu.csv';
  const digestsOf = (edited: ContentFile[]) => {
    const { model } = validateContent(edited);
    const texts = new Map(edited.map((f) => [`content/${f.path}`, digestOfText(f.text)]));
    return contentDigests(model, () => 'body', null, (file) => texts.get(file));
  };
  const was = digestsOf(files.map((f) => ({ ...f })));
  const now = digestsOf(replaceIn(list, '积极推行', '全面推行')(files.map((f) => ({ ...f }))));
  expect(now.byRegion.get('qingshanhu')).not.toBe(was.byRegion.get('qingshanhu'));
  expect(now.byRegion.get('longnan')).toBe(was.byRegion.get('longnan'));
  // The file's digest is what is digested for the list, not its rows.
  expect(was.byRegion.get('qingshanhu')).not.toBe(contentDigests(validateContent(files).model, () => 'body').byRegion.get('qingshanhu'));
});

test('a briefing edited in 龙南 changes the keys of 龙南 and of 赣州 above it, not of 青山湖 or 上饶', () => {
  const after = keys(replaceIn('briefings/longnan-jianbao-2023-03.mdx', 'copiedTo: ', 'copiedTo: 各县（市、区）、'));
  expect(after.longnan).not.toBe(before.longnan);
  expect(after.ganzhou).not.toBe(before.ganzhou);
  expect(after.qingshanhu).toBe(before.qingshanhu);
  expect(after.shangrao).toBe(before.shangrao);
  expect(after.chart).toBe(before.chart);
});

test("a document's rendered body counts, though the model does not hold it", () => {
  const after = keys((all) => all, () => 'another body');
  expect(after.longnan).not.toBe(before.longnan);
});

test('a task-list cell corrected in 青山湖 changes 青山湖 only', () => {
  const after = keys(replaceIn('tasks/qingshanhu-2023-zhibiao-renwu.csv', '积极推行', '全面推行'));
  expect(after.qingshanhu).not.toBe(before.qingshanhu);
  expect(after.longnan).toBe(before.longnan);
});

test("an indicator's name, which pages of every region print, changes every key", () => {
  const after = keys(replaceIn('tables/indicators.csv', '开办企业', '企业开办'));
  for (const name of Object.keys(before) as (keyof typeof before)[]) expect(after[name]).not.toBe(before[name]);
});

test('equal content has one digest however V8 holds its strings, and different Maps or Sets differ', () => {
  // Cut from text holding Chinese, V8 keeps the id with two bytes a character; typed in, with one.
  const line = '龙南县,longnan-jianbao-2023-03,2023-03-04';
  expect(digestOf({ id: line.slice(4, 27) })).toBe(digestOf({ id: 'longnan-jianbao-2023-03' }));
  expect(digestOf(new Map([['longnan', 1]]))).not.toBe(digestOf(new Map([['longnan', 2]])));
  expect(digestOf(new Set(['longnan']))).not.toBe(digestOf(new Set(['ganzhou'])));
  expect(digestOf(new Map())).not.toBe(digestOf(new Set()));
  expect(digestOf({ rows: [new Map([['a', new Set([1])]])] })).not.toBe(digestOf({ rows: [new Map([['a', new Set([2])]])] }));
  // Texts and files' bytes too: a document's HTML, a dataset's source.
  expect(digestOfText(line.slice(4, 27))).toBe(digestOfText('longnan-jianbao-2023-03'));
  expect(digestOfText(Buffer.from(line))).toBe(digestOfText(line));
});

/** Whether any digest of `model` differs from `before`'s. */
function digestsDiffer(before: ReturnType<typeof contentDigests>, model: ContentModel): boolean {
  const after = contentDigests(model, () => 'body');
  return after.shared !== before.shared || [...after.byRegion].some(([region, digest]) => before.byRegion.get(region) !== digest);
}

test('every row of every dataset counts in a digest, so its downloads are made again when it changes', () => {
  const { model } = validateContent(files.map((f) => ({ ...f })));
  const before = contentDigests(model, () => 'body');
  const tables = Object.values(SINGLE_FILE_TABLES).map((table) => model[table.id as keyof ContentModel] as { data: object }[]);
  for (const rows of [...tables, ...model.taskLists.map((list) => list.rows)]) {
    for (const row of [rows[0], rows.at(-1)]) {
      if (!row) continue;
      const data = row.data;
      row.data = { ...data, edited: true };
      expect(digestsDiffer(before, model), JSON.stringify(data)).toBe(true);
      row.data = data;
    }
  }
});

/** The key of a download of `rowsOf(model)`, as data/page-keys.ts makes it, but for the source text's digest. */
const downloadKey = (all: ContentFile[], rowsOf: (model: ContentModel) => readonly object[]) => {
  const { model, issues } = validateContent(all);
  expect(issues).toEqual([]);
  const body = () => 'body';
  const cited = citationDigests(model, body);
  return pageKey(contentDigests(model, body), [], 'download', citedDocuments(rowsOf(model)).map((id) => [id, cited.get(id)]));
};
const fresh = () => files.map((f) => ({ ...f }));
const taskList = (id: string) => (model: ContentModel) => model.taskLists.find((l) => l.id === id)!.rows.map((r) => r.data);

test("a policy's title, which its task lists' downloads print beside its id, changes their key", () => {
  const retitled = replaceIn('policies/qingshanhu-2023-xingdong-fangan.mdx', '2023年行动方案', '2023年行动实施方案');
  const list = taskList('qingshanhu-2023-zhuanxiang-xingdong');
  expect(downloadKey(retitled(fresh()), list)).not.toBe(downloadKey(fresh(), list));
});

test('a task-list cell corrected in one region leaves the key of the downloads of tables with rows in several regions', () => {
  const corrected = replaceIn('tasks/qingshanhu-2023-zhibiao-renwu.csv', '积极推行', '全面推行');
  // The targets table has rows of 青山湖, 上饶 and 湾里.
  const targets = (model: ContentModel) => model.targets.map((r) => r.data);
  expect(downloadKey(corrected(fresh()), targets)).toBe(downloadKey(fresh(), targets));
});

test("a document's frontmatter changes the key of a region whose rows cite it, even outside the document's family", () => {
  // A 龙南 target citing 湾里's policy: 湾里 is under 南昌, 龙南 under 赣州.
  const crossCited = replaceIn('tables/targets.csv', 'wanli-2023-kaiban-qiye-1,wanli,', 'wanli-2023-kaiban-qiye-1,longnan,');
  const edited = (from: string, to: string) => (all: ContentFile[]) =>
    replaceIn('policies/wanli-2023-xingdong-fangan.mdx', from, to)(crossCited(all));
  const before = keys(crossCited).longnan;
  expect(keys(edited('2023年行动方案', '2023年行动实施方案')).longnan).not.toBe(before);
  expect(keys(edited('issuer: [湾里管理局]', 'issuer: [湾里管理局办公室]')).longnan).not.toBe(before);
});
