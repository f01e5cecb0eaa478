/**
 * The synthetic corpus the benchmarks build: deterministic, valid by the same
 * checks as real content, with unique ids, and sized as documented.
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { shiftMonths, shiftYears, syntheticCorpus, syntheticCounty } from '../../scripts/corpus/synthetic-corpus.ts';
import { readContentFiles } from '../../src/loaders/content-files.ts';
import { validateContent } from '../../src/lib/content/validate-content.ts';

const real = readContentFiles(join(import.meta.dirname, '..', '..', 'content'));

test('1× is the real content: the same files, tables rewritten with the same cells', () => {
  const corpus = [...syntheticCorpus(real, 1)];
  const lines = (text: string) =>
    text
      .replace(/^\uFEFF/, '')
      .replace(/\r\n/g, '\n')
      .trim();
  const byPath = new Map(real.map((f) => [f.path, f.text]));
  expect(corpus.map((f) => f.path).sort()).toEqual([...byPath.keys()].sort());
  for (const file of corpus.filter((f) => byPath.has(f.path))) expect(lines(file.text), file.path).toBe(lines(byPath.get(file.path)!));
  expect(validateContent(corpus).issues).toEqual([]);
});

test('a larger corpus passes every content check, the same every time', () => {
  const corpus = [...syntheticCorpus(real, 12)];
  const { model, issues } = validateContent(corpus);
  expect(issues).toEqual([]);
  expect(model.policies).toHaveLength(4 * 12);
  expect(model.briefings).toHaveLength(1 + 5 * 11);
  expect(model.taskLists.reduce((sum, l) => sum + l.rows.length, 0)).toBe(201 * 12);
  expect(new Set(model.targets.map((t) => t.data.id)).size).toBe(model.targets.length);
  expect([...syntheticCorpus(real, 12)]).toEqual(corpus);
});

test('counties have unique names and ids; dates move with them', () => {
  const counties = Array.from({ length: 100 }, (_, k) => syntheticCounty(k));
  expect(new Set(counties.map((c) => c.id)).size).toBe(100);
  expect(new Set(counties.map((c) => c.name)).size).toBe(100);
  expect(shiftYears('2023年7月，湖办发〔2023〕8号，2023-07-31，共2023项', 2)).toBe('2025年7月，湖办发〔2025〕8号，2025-07-31，共2023项');
  expect(shiftMonths('2023-02-28', 1)).toBe('2023-03-31');
  expect(shiftMonths('2023-01-31', 1)).toBe('2023-02-28');
});
