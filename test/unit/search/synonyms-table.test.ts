import { expect, test } from 'vitest';
import { readTable } from '../../../src/lib/content/csv-table.ts';
import { synonymsTable } from '../../../src/schemas/synonyms.ts';
import { contentMessage } from '../../../src/core/content-messages.ts';

const file = 'content/tables/synonyms.csv';

test("a synonym row maps an everyday word to the documents' terms, split on ;", () => {
  const { rows, issues } = readTable(
    synonymsTable,
    file,
    '常用说法,文件用语,依据,说明\n办电,获得电力;线上办电率,青山湖区行动方案（三）获得电力,\n',
  );
  expect(issues).toEqual([]);
  expect(rows.map((r) => r.data)).toEqual([
    { term: '办电', documentTerms: ['获得电力', '线上办电率'], basis: '青山湖区行动方案（三）获得电力', note: undefined },
  ]);
});

test('a row without document terms or without its basis is reported, naming the row and the column', () => {
  const { issues } = readTable(synonymsTable, file, '常用说法,文件用语,依据,说明\n办电,,通行说法,\n交税,纳税,,\n');
  expect(issues.map((i) => [i.file, i.row, i.rowLabel, i.field])).toEqual([
    [file, 2, '常用说法 办电', '文件用语'],
    [file, 3, '常用说法 交税', '依据'],
  ]);
  expect(issues[0]!.message).toContain('至少写一个文件用语');
});

test('an everyday word of one character is reported, since search never uses it', () => {
  const { issues } = readTable(synonymsTable, file, '常用说法,文件用语,依据,说明\n税,纳税,通行说法,\n报关,海关,通行说法,\n');
  expect(issues.map((i) => [i.row, i.rowLabel, i.field, i.message])).toEqual([
    [2, '常用说法 税', '常用说法', contentMessage('synonym-term-too-short').message],
  ]);
});
