import { expect, test } from 'vitest';
import { dictionaryColumns, downloadCells, downloadColumns, downloadRecord, type NameLookup } from '../../src/lib/dataset-downloads.ts';
import { progressTable } from '../../src/schemas/progress.ts';
import { rankingTiersTable } from '../../src/schemas/ranking-tiers.ts';
import { tasksTable } from '../../src/schemas/tasks.ts';
import type { TableDefinition } from '../../src/schemas/table.ts';

const NAMES: Record<string, Record<string, string>> = {
  regions: { longnan: '龙南市' },
  indicators: { 'kaiban-qiye': '开办企业', nashui: '纳税' },
  trackers: { 'duibiao-tisheng': '对标提升' },
  briefings: { b3: '简报第3期' },
  policies: {},
};
const names: NameLookup = {
  name: (target, id) => NAMES[target]![id],
  section: (kind, id, anchor) =>
    kind === 'briefings' && id === 'b3' && anchor === 's1'
      ? { heading: '一、事项清单', url: 'https://example.org/briefings/b3/#s1' }
      : undefined,
};

test('units go into the headers and names beside the codes, marked as derived', () => {
  const columns = downloadColumns(progressTable as TableDefinition, [
    'id',
    'region',
    'tracker',
    'total',
    'publishedRate',
    'briefing',
    'section',
  ]);
  expect(columns.map((c) => `${c.header}${c.derived ? '*' : ''}`)).toEqual([
    '编号',
    '地区',
    '地区名称*',
    '跟踪事项',
    '跟踪事项名称*',
    '总数（项）',
    '公布完成率（%）',
    '来源简报',
    '来源简报标题*',
    '来源章节',
    '来源章节标题*',
    '来源章节地址*',
  ]);
  const cells = {
    id: 'x',
    region: 'longnan',
    tracker: 'duibiao-tisheng',
    total: '93',
    publishedRate: '34.0',
    briefing: 'b3',
    section: 's1',
  };
  expect(downloadCells(columns, cells, names)).toEqual([
    'x',
    'longnan',
    '龙南市',
    'duibiao-tisheng',
    '对标提升',
    '93',
    '34.0',
    'b3',
    '简报第3期',
    's1',
    '一、事项清单',
    'https://example.org/briefings/b3/#s1',
  ]);
  // JSON keeps the validated values and adds the names under their own keys.
  expect(downloadRecord(columns, { ...cells, total: 93, publishedRate: 34 }, cells, names)).toMatchObject({
    total: 93,
    publishedRate: 34,
    regionName: '龙南市',
    briefingTitle: '简报第3期',
    sectionHeading: '一、事项清单',
  });
});

test('several codes in one cell get their names in the same order; an empty code gets no name', () => {
  const columns = downloadColumns(rankingTiersTable as TableDefinition, ['indicators', 'region']);
  expect(downloadCells(columns, { indicators: 'nashui;kaiban-qiye', region: '' }, names)).toEqual([
    'nashui;kaiban-qiye',
    '纳税;开办企业',
    '',
    '',
  ]);
});

test('a task list keeps the indicator name as its source printed it instead of adding a second one', () => {
  const withName = downloadColumns(tasksTable as TableDefinition, ['number', 'indicator', 'indicatorName']).map((c) => c.header);
  expect(withName).toEqual(['序号', '指标', '指标名称']);
  const withoutName = downloadColumns(tasksTable as TableDefinition, ['number', 'indicator']);
  expect(withoutName.map((c) => c.header)).toEqual(['序号', '指标', '指标名称']);
  expect(withoutName[2]!.derived).toBeDefined();
});

test('the dictionary lists every column a download can have, derived ones described as such', () => {
  const columns = dictionaryColumns(progressTable as TableDefinition);
  for (const column of progressTable.columns) expect(columns.some((c) => c.key === column.key && !c.derived)).toBe(true);
  expect(columns.filter((c) => c.derived).every((c) => c.derived!.description.includes('原表没有这一列'))).toBe(true);
});
