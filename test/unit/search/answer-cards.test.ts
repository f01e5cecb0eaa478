import { expect, test } from 'vitest';
import {
  answerKey,
  answerKeys,
  chooseAnswerCard,
  wantedAnswerKeys,
  type AnswerName,
  type AnswerQuery,
} from '../../../src/lib/search/answer-cards.ts';
import type { AnswerRecords, FigureAnswer, ResponsibleAnswer, TargetAnswer } from '../../../src/lib/search/answer-records.ts';

const source = { authors: ['某区人民政府办公室'], title: '某区2023年行动方案', published: '2023-07-28' };
const responsible = (
  region: string,
  indicator: string,
  names: string[],
  leadUnit: string,
  extra: Partial<ResponsibleAnswer> = {},
): ResponsibleAnswer => ({
  region,
  indicator,
  indicatorNames: names,
  nameInSource: names[0]!,
  leadUnit,
  url: `/indicators/${indicator}/${region}/#assignment-x`,
  source,
  ...extra,
});
const target = (region: string, metric: string, value: number, unit: string, extra: Partial<TargetAnswer> = {}): TargetAnswer => ({
  region,
  metric,
  comparator: '≥',
  value,
  unit,
  quote: `${metric}达到${value}${unit}以上`,
  url: `/policies/x/#target-${region}-${metric}`,
  source,
  ...extra,
});
const figure = (region: string, asOf: string, extra: Partial<FigureAnswer> = {}): FigureAnswer => ({
  region,
  tracker: 'duibiao',
  trackerNames: ['对标提升', '对标湾区重点任务'],
  asOf,
  total: 93,
  completed: 32,
  notCompleted: 55,
  longTerm: 6,
  publishedRate: 34.4,
  quote: '对标提升事项……完成率34.4%。',
  url: `/briefings/b/#progress-${asOf}`,
  source,
  ...extra,
});

const records: AnswerRecords = {
  responsible: [
    responsible('青山湖区', 'kaiban', ['开办企业', '企业开办'], '区市场监管局', { leader: '毛涛', leaderTitle: '指标长' }),
    responsible('湾里管理局', 'kaiban', ['开办企业', '企业开办'], '湾里市场监管局'),
    responsible('青山湖区', 'shichang', ['市场监管'], '区市场监管局'),
    responsible('青山湖区', 'laodongli', ['劳动力市场监管'], '区人社局'),
    responsible('青山湖区', 'dianli', ['获得电力'], '区供电公司'),
  ],
  figure: [figure('龙南市', '2023-06-30', { completed: 20, notCompleted: 67, publishedRate: 21.5 }), figure('龙南市', '2023-07-31')],
  target: [
    target('青山湖区', '线上办电率', 95, '%'),
    target('湾里管理局', '线上办电率', 95, '%'),
    target('青山湖区', '免证办事项', 900, '项', { deadline: '2023-12-31' }),
    target('湾里管理局', '全年新增就业', 5.9, '万人'),
    target('青山湖区', '政务服务好评率', 99, '%'),
    target('青山湖区', '依申请类政务服务事项“网上可办”比例', 96, '%'),
  ],
  policy: [{ docNumber: '湖办发〔2023〕8号', title: '某区2023年行动方案', region: '青山湖区', url: '/policies/x/', source }],
};

const ask = (text: string, regions: string[] = [], otherForms: string[] = []): AnswerQuery => ({
  text: answerKey(text),
  regions,
  otherForms,
});
const card = (query: AnswerQuery) => chooseAnswerCard(query, records);
const values = (query: AnswerQuery) => card(query)?.entries.flatMap((e) => e.rows.map((r) => r.value));

test('who leads an indicator in a region: the lead unit, the leader, from the one assignment that fits', () => {
  const shown = card(ask('青山湖开办企业谁牵头', ['青山湖区']));
  expect(shown?.kind).toBe('responsible');
  expect(shown?.entries).toHaveLength(1);
  expect(shown?.entries[0]!.rows).toEqual([
    { label: '牵头单位', value: '区市场监管局' },
    { label: '指标长', value: '毛涛' },
  ]);
  expect(shown?.entries[0]!.url).toBe('/indicators/kaiban/青山湖区/#assignment-x');
  // An indicator's other name, and an everyday word searched as the indicator's name.
  expect(values(ask('湾里企业开办哪个单位负责', ['湾里管理局']))).toEqual(['湾里市场监管局']);
  expect(values(ask('青山湖办电找哪个部门', ['青山湖区'], ['获得电力']))).toEqual(['区供电公司']);
});

test('no responsible card without exactly one region, one indicator and one assignment', () => {
  expect(card(ask('开办企业谁牵头'))).toBeUndefined();
  expect(card(ask('赣州开办企业谁牵头', ['赣州市']))).toBeUndefined();
  expect(card(ask('青山湖开办企业纳税谁牵头', ['青山湖区']))?.kind).toBe('responsible');
  expect(card(ask('青山湖开办企业获得电力谁牵头', ['青山湖区']))).toBeUndefined();
  // Naming the indicator without asking who is responsible is a search, not a question.
  expect(card(ask('青山湖开办企业', ['青山湖区']))).toBeUndefined();
});

test('a name inside a longer indicator name is not a second indicator', () => {
  expect(values(ask('青山湖劳动力市场监管谁牵头', ['青山湖区']))).toEqual(['区人社局']);
  expect(values(ask('青山湖市场监管谁牵头', ['青山湖区']))).toEqual(['区市场监管局']);
});

test('a tracker named by any of its names shows its latest figures, with a note where the published rate differs', () => {
  const shown = card(ask('对标提升还有多少没完成'));
  expect(shown?.kind).toBe('figure');
  expect(shown?.entries[0]!.url).toBe('/briefings/b/#progress-2023-07-31');
  expect(shown?.entries[0]!.rows).toContainEqual({ label: '未完成', value: '55 项' });
  expect(shown?.entries[0]!.note).toBeUndefined();
  const differing = chooseAnswerCard(ask('对标湾区重点任务'), { figure: [figure('龙南市', '2023-07-31', { publishedRate: 89.5 })] });
  expect(differing?.entries[0]!.rows).toContainEqual({ label: '公布完成率', value: '89.5% ※' });
  expect(differing?.entries[0]!.note).toMatch(/^※ 公布的完成率与分项数字不一致/);
  // A region that has no such figures: no card.
  expect(card(ask('青山湖对标提升', ['青山湖区']))).toBeUndefined();
});

test('a target named in full shows its value for each region that sets it, or for the region named', () => {
  const both = card(ask('线上办电率目标'));
  expect(both?.kind).toBe('target');
  expect(both?.entries.map((e) => e.heading)).toEqual(['青山湖区 · 线上办电率', '湾里管理局 · 线上办电率']);
  expect(both?.entries[0]!.rows).toEqual([{ label: '目标', value: '≥ 95%' }]);
  expect(both?.entries[0]!.quote).toBe('线上办电率达到95%以上');
  expect(card(ask('湾里线上办电率', ['湾里管理局']))?.entries).toHaveLength(1);
  expect(card(ask('青山湖免证办事项要多少项', ['青山湖区']))?.entries[0]!.rows).toEqual([
    { label: '目标', value: '≥ 900项' },
    { label: '期限', value: '2023年12月31日' },
  ]);
  expect(card(ask('龙南线上办电率', ['龙南市']))).toBeUndefined();
});

test('a target named by part of its name needs a word asking for it and a part only one target name holds', () => {
  expect(values(ask('湾里新增就业目标', ['湾里管理局']))).toEqual(['≥ 5.9万人']);
  expect(card(ask('湾里新增就业', ['湾里管理局']))).toBeUndefined();
  // 政务服务 is part of two target names: which one is meant is not known.
  expect(card(ask('政务服务目标'))).toBeUndefined();
  expect(values(ask('政务服务好评率要达到多少'))).toEqual(['≥ 99%']);
});

test('a policy by its document number, typed in any form', () => {
  for (const typed of ['湖办发〔2023〕8号', '湖办发(2023)8号', '湖办发2023 8', '湖办发2023第8号'])
    expect(card(ask(typed))?.kind).toBe('policy');
  expect(card(ask('湖办发2023 9'))).toBeUndefined();
});

test('only the records filed under what the query names are read', () => {
  const names: AnswerName[] = [
    { kind: 'target', key: '线上办电率' },
    { kind: 'target', key: '全年新增就业' },
    { kind: 'figure', key: '对标提升' },
  ];
  const wanted = (query: AnswerQuery) => wantedAnswerKeys(query, names);
  expect(wanted(ask('湖办发2023 8'))).toEqual([{ kind: 'policy', key: '20238号' }]);
  expect(wanted(ask('开办企业谁牵头'))).toEqual([]);
  expect(wanted(ask('青山湖开办企业谁牵头', ['青山湖区']))).toEqual([{ kind: 'responsible', key: '青山湖区' }]);
  expect(wanted(ask('营商环境'))).toEqual([]);
  expect(wanted(ask('窗口工作人员迟到怎么处理'))).toEqual([]);
  expect(wanted(ask('线上办电率'))).toEqual([{ kind: 'target', key: '线上办电率' }]);
  expect(wanted(ask('对标提升进展'))).toEqual([{ kind: 'figure', key: '对标提升' }]);
  // Part of a target's name, after a word asking for a target.
  expect(wanted(ask('湾里新增就业目标', ['湾里管理局']))).toEqual([{ kind: 'target', key: '全年新增就业' }]);
  expect(wanted(ask('湾里新增就业', ['湾里管理局']))).toEqual([]);
});

test('a record is filed under its region, each of its names, its target name or its document number', () => {
  expect(answerKeys('responsible', records.responsible[0]!)).toEqual(['青山湖区']);
  expect(answerKeys('figure', records.figure[0]!)).toEqual(['对标提升', '对标湾区重点任务']);
  expect(answerKeys('target', records.target[5]!)).toEqual(['依申请类政务服务事项网上可办比例']);
  expect(answerKeys('policy', records.policy[0]!)).toEqual(['20238号']);
});
