import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { codeVersion, fileReadsIn } from '../../../src/loaders/file-reads.ts';
import { readContentFiles } from '../../../src/loaders/content-files.ts';
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
    reads: (file, text, read) =>
      reads(file, text, () => {
        fresh.push(file);
        return read();
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
    for (const [file, body] of entries) reads(file, body, () => body.length);
    kept.prune();
    return fresh;
  };
  expect(run('v1', [['content/a.csv', text], ['content/b.csv', text]])).toEqual(['content/a.csv', 'content/b.csv']);
  expect(run('v1', [['content/a.csv', `${text}x\n`], ['content/b.csv', text], ['other/b.csv', text]])).toEqual(['content/a.csv', 'other/b.csv']);
  expect(run('v2', [['content/b.csv', text]])).toEqual(['content/b.csv']);
  expect(readdirSync(dir)).toHaveLength(1);
});

test('an entry left half written by a stopped build is read afresh', () => {
  const kept = fileReadsIn(dir, 'v1');
  kept.reads('content/a.csv', 'x', () => ({ rows: [1, 2, 3] }));
  for (const name of readdirSync(dir)) writeFileSync(join(dir, name), Buffer.from([0xff, 0x0f]));
  const again = counting(fileReadsIn(dir, 'v1').reads);
  expect(again.reads('content/a.csv', 'x', () => ({ rows: [1, 2, 3] }))).toEqual({ rows: [1, 2, 3] });
  expect(again.fresh).toEqual(['content/a.csv']);
});

test('a value read afresh is handed back as read from the disk, a copy that keeps none of the file text alive', () => {
  const { reads } = fileReadsIn(dir, 'v1');
  const made = { rows: [{ name: '青山湖区' }] };
  const got = reads('content/a.csv', 'x', () => made);
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
