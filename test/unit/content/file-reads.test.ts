import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { codeVersion, fileReadsIn, keptTextDigest } from '../../../src/loaders/file-reads.ts';
import { readContentFiles, statedContentFiles } from '../../../src/loaders/content-files.ts';
import { validateContent, type FileReads } from '../../../src/lib/content/validate-content.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'file-reads-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** `reads`, counting the files it had to read rather than take from the disk. */
function counting(reads: FileReads): { reads: FileReads; fresh: string[] } {
  const fresh: string[] = [];
  return {
    fresh,
    reads: (file, source, read) =>
      reads(file, source, (text) => {
        fresh.push(file);
        return read(text);
      }),
  };
}

test('the content validated from kept reads is the content validated afresh, rows, documents, dates and issues alike', () => {
  const files = readContentFiles('content');
  // One bad row, so that kept issues are compared too.
  const withIssue = files.map((f) => (f.path === 'tables/progress.csv' ? { ...f, text: `${f.text}坏行,,,\n` } : f));
  const plain = validateContent(withIssue);
  expect(plain.issues.length).toBeGreaterThan(0);
  const first = counting(fileReadsIn(dir, 'v1').reads);
  expect(validateContent(withIssue, 'content', first.reads)).toStrictEqual(plain);
  const second = counting(fileReadsIn(dir, 'v1').reads);
  expect(validateContent(withIssue, 'content', second.reads)).toStrictEqual(plain);
  expect(first.fresh.length).toBeGreaterThan(5);
  expect(second.fresh).toEqual([]);
});

test('a changed file, another shown path or other code is read afresh; what no build used is removed', () => {
  const text = '常用说法,文件用语,依据,说明\n';
  const run = (version: string, entries: [string, string][]) => {
    const kept = fileReadsIn(dir, version);
    const { reads, fresh } = counting(kept.reads);
    for (const [file, text] of entries) reads(file, { path: file, text }, (read) => read.length);
    kept.prune();
    return fresh;
  };
  expect(run('v1', [['content/a.csv', text], ['content/b.csv', text]])).toEqual(['content/a.csv', 'content/b.csv']);
  expect(run('v1', [['content/a.csv', `${text}x\n`], ['content/b.csv', text], ['other/b.csv', text]])).toEqual(['content/a.csv', 'other/b.csv']);
  expect(run('v2', [['content/b.csv', text]])).toEqual(['content/b.csv']);
  expect(readdirSync(dir).filter((name) => name !== 'states.json')).toHaveLength(1);
});

test('an entry left half written by a stopped build is read afresh', () => {
  const kept = fileReadsIn(dir, 'v1');
  kept.reads('content/a.csv', { path: 'a.csv', text: 'x' }, () => ({ rows: [1, 2, 3] }));
  for (const name of readdirSync(dir)) if (name !== 'states.json') writeFileSync(join(dir, name), Buffer.from([0xff, 0x0f]));
  const again = counting(fileReadsIn(dir, 'v1').reads);
  expect(again.reads('content/a.csv', { path: 'a.csv', text: 'x' }, () => ({ rows: [1, 2, 3] }))).toEqual({ rows: [1, 2, 3] });
  expect(again.fresh).toEqual(['content/a.csv']);
});

test('a value read afresh is handed back as read from the disk, a copy that keeps none of the file text alive', () => {
  const { reads } = fileReadsIn(dir, 'v1');
  const made = { rows: [{ name: '青山湖区' }] };
  const got = reads('content/a.csv', { path: 'a.csv', text: 'x' }, () => made);
  expect(got).toEqual(made);
  expect(got).not.toBe(made);
  expect(reads.givesOwnStrings).toBe(true);
});

test('the code version is the same for the same code anywhere, and changes with a source file', () => {
  const project = (at: string, source: string) => {
    mkdirSync(join(dir, at, 'src'), { recursive: true });
    writeFileSync(join(dir, at, 'src', 'schema.ts'), source);
    writeFileSync(join(dir, at, 'package-lock.json'), '{}');
    return codeVersion(join(dir, at));
  };
  expect(project('a', 'export const x = 1;')).toBe(project('b', 'export const x = 1;'));
  expect(project('c', 'export const x = 2;')).not.toBe(project('d', 'export const x = 1;'));
});

test('a file in the state it was read in is not read again, and its digest is shared; a changed or racy file is', () => {
  const content = join(dir, 'content');
  mkdirSync(join(content, 'tables'), { recursive: true });
  const table = join(content, 'tables', 'synonyms.csv');
  const settled = (seconds: number) => utimesSync(table, new Date(Date.now() - seconds * 1000), new Date(Date.now() - seconds * 1000));
  writeFileSync(table, '常用说法,文件用语,依据,说明\n开公司,开办企业,通行说法,\n');
  // Older than the few seconds in which a rewrite could leave the state as it was.
  settled(60);
  /** The stated files, noting each whose text was asked for. */
  const listed = (asked: string[]) =>
    statedContentFiles(content).map((file) =>
      Object.defineProperty({ ...file, text: '' }, 'text', {
        get: () => {
          if (!asked.includes(file.path)) asked.push(file.path);
          return file.text;
        },
      }),
    );
  const run = () => {
    const asked: string[] = [];
    const kept = fileReadsIn(join(dir, 'reads'), 'v1', content);
    const model = validateContent(listed(asked), 'content', kept.reads).model;
    kept.prune();
    return { asked, synonyms: model.synonyms.map((row) => row.data), digest: keptTextDigest(table) };
  };
  const first = run();
  expect(first.asked).toContain('tables/synonyms.csv');
  expect(first.synonyms).toHaveLength(1);
  const second = run();
  expect(second.asked).toEqual([]);
  expect(second).toEqual({ ...first, asked: [] });

  // The same size: only its modification time tells it changed.
  writeFileSync(table, '常用说法,文件用语,依据,说明\n开门店,开办企业,通行说法,\n');
  settled(30);
  const changed = run();
  expect(changed.asked).toEqual(['tables/synonyms.csv']);
  expect(changed.synonyms[0]).toMatchObject({ term: '开门店' });
  expect(changed.digest).not.toBe(first.digest);
  expect(run().asked).toEqual([]);
  // Written just now, the same size again: read on every run until it has settled.
  writeFileSync(table, '常用说法,文件用语,依据,说明\n开商店,开办企业,通行说法,\n');
  expect(run().asked).toEqual(['tables/synonyms.csv']);
  expect(run()).toMatchObject({ asked: ['tables/synonyms.csv'], synonyms: [{ term: '开商店' }] });
});
