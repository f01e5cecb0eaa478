import { z } from 'astro/zod';
import { defineTable } from './table.ts';
import { messageText } from '../core/content-messages.ts';
import { count, optionalCount, optionalIsoDate, optionalOneOf, optionalSlug, optionalText, slug } from './fields.ts';

const TASK_STATUSES = ['已完成', '正在推进', '未完成', '长期坚持'] as const;

/** Shown for a cell the source table itself leaves blank. */
const BLANK_IN_SOURCE = '（原文空白）';

/**
 * One CSV file per published task list (e.g. a policy's 附件1). Lists differ in
 * their columns, so columns that only some lists have may be absent.
 */
export const tasksTable = defineTable({
  id: 'tasks',
  title: '任务清单',
  description:
    '政策文件附件中的任务清单，每个文件一份清单、每行一项工作举措。合并单元格（指标名称、对标城市等）已在每一行补全。状态和截至日期只在有来源公布时填写。',
  labelColumn: '序号',
  groupColumns: [
    'indicatorName',
    'benchmarkCities',
    'expectedGrade',
    'pilotProject',
    'indicatorLead',
    'action',
    'actionLeader',
    'actionUnit',
    'group',
    'goal',
  ],
  columns: [
    { header: '序号', key: 'number', kind: 'ordinal', description: '行号，在本清单内唯一，按原文顺序。专项行动清单为举措的编号。' },
    { header: '任务组序号', key: 'group', kind: 'ordinal', description: '专项行动清单中任务组的原文序号。', optionalColumn: true },
    { header: '地区', key: 'region', kind: 'id', refersTo: 'regions', description: '地区编号。' },
    {
      header: '指标',
      key: 'indicator',
      kind: 'id',
      refersTo: 'indicators',
      description: '指标编号；专项行动清单可留空。',
      optionalColumn: true,
    },
    { header: '指标名称', key: 'indicatorName', kind: 'text', description: '原文中的指标名称。', optionalColumn: true },
    { header: '对标城市', key: 'benchmarkCities', kind: 'text', description: '对标城市，按原文。', optionalColumn: true },
    { header: '预期目标', key: 'expectedGrade', kind: 'text', description: '预期目标，按原文。', optionalColumn: true },
    { header: '创新试点项目', key: 'pilotProject', kind: 'text', description: '创新试点项目，按原文。', optionalColumn: true },
    { header: '专项行动', key: 'action', kind: 'text', description: '所属专项行动。', optionalColumn: true },
    { header: '牵头区领导', key: 'actionLeader', kind: 'text', description: '专项行动的牵头区领导。', optionalColumn: true },
    { header: '总责任单位', key: 'actionUnit', kind: 'text', description: '专项行动的总责任单位。', optionalColumn: true },
    { header: '工作任务', key: 'goal', kind: 'text', description: '举措所属的工作任务，按原文。', optionalColumn: true },
    { header: '工作举措', key: 'measure', kind: 'text', blankLabel: BLANK_IN_SOURCE, description: '工作举措，按原文；原文空白时留空。' },
    { header: '指标长', key: 'indicatorLead', kind: 'text', description: '指标长。', optionalColumn: true },
    { header: '牵头单位', key: 'leadUnit', kind: 'text', blankLabel: BLANK_IN_SOURCE, description: '牵头单位，按原文；原文空白时留空。' },
    { header: '配合单位', key: 'supportingUnits', kind: 'text', description: '配合单位，按原文；没有时留空。' },
    {
      header: '完成时限',
      key: 'deadline',
      kind: 'date',
      blankLabel: BLANK_IN_SOURCE,
      description: '完成时限，YYYY-MM-DD；原文空白时留空。',
    },
    { header: '来源政策', key: 'policy', kind: 'id', refersTo: 'policies', description: '出自哪份政策文件（政策编号）。' },
    { header: '状态', key: 'status', kind: 'choice', description: `进展状态：${TASK_STATUSES.join('、')}；没有来源公布时留空。` },
    { header: '截至日期', key: 'asOf', kind: 'date', description: '状态的截至日期，YYYY-MM-DD；填写状态时必填。' },
  ],
  schema: z
    .object({
      number: count(),
      group: optionalCount(),
      region: slug(),
      indicator: optionalSlug(),
      indicatorName: optionalText(),
      benchmarkCities: optionalText(),
      expectedGrade: optionalText(),
      pilotProject: optionalText(),
      action: optionalText(),
      actionLeader: optionalText(),
      actionUnit: optionalText(),
      goal: optionalText(),
      measure: optionalText(),
      indicatorLead: optionalText(),
      leadUnit: optionalText(),
      supportingUnits: optionalText(),
      deadline: optionalIsoDate(),
      policy: slug(),
      status: optionalOneOf(TASK_STATUSES),
      asOf: optionalIsoDate(),
    })
    .superRefine((task, ctx) => {
      if (task.status && !task.asOf) ctx.addIssue({ code: 'custom', path: ['asOf'], message: messageText('status-without-date') });
      if (task.asOf && !task.status) ctx.addIssue({ code: 'custom', path: ['status'], message: messageText('date-without-status') });
    }),
});

export type Task = z.output<typeof tasksTable.schema>;
