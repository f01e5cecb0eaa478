import { expect, test } from 'vitest';
import { newPolicy, nextBriefing } from '../../scripts/authoring/scaffold.ts';
import { readMdxDocument } from '../../src/lib/content/mdx-document.ts';
import { briefingSchema, BRIEFING_FIELD_LABELS } from '../../src/schemas/briefings.ts';
import { policySchema, POLICY_FIELD_LABELS } from '../../src/schemas/policies.ts';

const previous = {
  id: 'longnan-jianbao-2023-03',
  region: 'longnan',
  series: '龙南营商环境“一号改革工程”工作简报',
  issue: 3,
  issuer: '领导小组办公室',
  submittedTo: '旭辉、江闽同志',
  copiedTo: '各成员单位',
};

test("the next briefing continues its region's series as a valid draft", () => {
  const file = nextBriefing({
    region: 'longnan',
    regionName: '龙南市',
    today: '2023-09-05',
    briefings: [previous, { ...previous, id: 'x', region: 'wanli', issue: 9 }],
  });
  expect(file.path).toBe('briefings/longnan-jianbao-2023-04.mdx');
  const read = readMdxDocument(briefingSchema, BRIEFING_FIELD_LABELS, file.path, file.text);
  expect(read.issues).toEqual([]);
  expect(read.data).toMatchObject({
    issue: 4,
    date: '2023-09-05',
    series: previous.series,
    issuer: '领导小组办公室',
    submittedTo: '旭辉、江闽同志',
    copiedTo: '各成员单位',
    draft: true,
  });
  expect(read.headings.map((h) => h.anchor)).toEqual([
    'yingshanghuanjing',
    'zhongyaohuiyi',
    'yinfawenjian',
    'shixiangqingdan',
    'diaoyanducha',
    'guojiabuwei',
    'shengshixinxi',
    'bumengongzuo',
    'xinxikandeng',
    'tashanzhishi',
  ]);
  // The anchors earlier issues were cited by still reach the same sections.
  expect(read.headings.map((h) => h.alias)).toEqual([
    '营商环境一号改革工程领导小组办公室',
    '重要会议',
    '印发文件',
    '事项清单',
    '调研督查',
    '国家部委动态',
    '省市信息动态',
    '部门工作动态',
    '信息刊登',
    '他山之石',
  ]);
});

test("a region's first briefing starts at 期号 1 and asks for what cannot be carried over", () => {
  const file = nextBriefing({ region: 'wanli', regionName: '湾里管理局', today: '2024-01-10', briefings: [] });
  const read = readMdxDocument(briefingSchema, BRIEFING_FIELD_LABELS, file.path, file.text);
  expect(read.issues).toEqual([]);
  expect(read.data).toMatchObject({
    issue: 1,
    series: '湾里管理局营商环境“一号改革工程”工作简报',
    issuer: '（请填写编印单位）',
    draft: true,
  });
});

test('a new policy is a valid draft with a free id', () => {
  const file = newPolicy({ region: 'wanli', today: '2024-01-10', existingIds: ['wanli-2024-zhengce-1'] });
  expect(file.path).toBe('policies/wanli-2024-zhengce-2.mdx');
  const read = readMdxDocument(policySchema, POLICY_FIELD_LABELS, file.path, file.text);
  expect(read.issues).toEqual([]);
  expect(read.data).toMatchObject({ region: 'wanli', draft: true, writtenDate: '2024-01-10' });
});
