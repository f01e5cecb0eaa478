import { expect, test } from 'vitest';
import { characterTableReader, splitCharacterTable } from '../../../src/lib/search/character-tables.ts';

const table = new Map([
  ['覈', '核'],
  ['衹', '只'],
  ['營', '营'],
  ['𠀋', '丈'],
]);

test('a query typed in simplified characters loads no part of the traditional table', async () => {
  const { meta, files } = splitCharacterTable(table, 4, true);
  const loaded: number[] = [];
  const reader = characterTableReader(meta, async (n) => (loaded.push(n), files[n]!));
  await reader.prepare(Array.from('营商环境'));
  expect(loaded).toEqual([]);
  expect(reader.get('营')).toBeUndefined();
  await reader.prepare(Array.from('覈准衹營𠀋'));
  expect(['覈', '衹', '營', '𠀋'].map(reader.get)).toEqual(['核', '只', '营', '丈']);
  // Only the parts holding those characters, each once; the character outside the bitmap travels in the meta.
  expect(new Set(loaded).size).toBe(loaded.length);
  expect(loaded.length).toBeLessThanOrEqual(3);
});

test('without a bitmap every character is looked up in its part', async () => {
  const { meta, files } = splitCharacterTable(
    new Map([
      ['营', 'ying'],
      ['商', 'shang'],
    ]),
    2,
    false,
  );
  const reader = characterTableReader(meta, async (n) => files[n]!);
  await reader.prepare(['营', '商', '无']);
  expect([reader.get('营'), reader.get('商'), reader.get('无')]).toEqual(['ying', 'shang', undefined]);
});
