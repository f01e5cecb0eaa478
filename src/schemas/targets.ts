import { z } from 'astro/zod';
import { defineTable } from './table.ts';
import { decimal, oneOf, optionalIsoDate, optionalSlug, requiredText, slug } from './fields.ts';

const COMPARATORS = ['≥', '≤', '='] as const;

export const targetsTable = defineTable({
  id: 'targets',
  title: '量化目标',
  description: '政策文件中写明的每一个量化目标：比较方向、数值、单位和期限，附原文表述和出处章节。同一句话中的多个数值分别列为多行。',
  labelColumn: '编号',
  columns: [
    { header: '编号', key: 'id', kind: 'id', description: '目标编号，在本表唯一。' },
    { header: '地区', key: 'region', kind: 'id', refersTo: 'regions', description: '地区编号。' },
    {
      header: '指标',
      key: 'indicator',
      kind: 'id',
      refersTo: 'indicators',
      description: '所属指标编号；属于整体排名等不对应单项指标的目标留空。',
    },
    { header: '指标项', key: 'metric', kind: 'text', description: '衡量什么，例如 纳税时间、免证办事项。' },
    { header: '比较', key: 'comparator', kind: 'choice', description: '≥（以上、不少于）、≤（以内、压缩至）或 =。' },
    { header: '数值', key: 'value', kind: 'number', description: '不带单位的数字。' },
    { header: '单位', key: 'unit', kind: 'text', description: '按原文，例如 个工作日、%、小时、项。' },
    { header: '期限', key: 'deadline', kind: 'date', description: '原文写明的期限，YYYY-MM-DD；未写明时留空。' },
    { header: '原文', key: 'quote', kind: 'text', description: '原文表述，一字不改。' },
    { header: '来源政策', key: 'policy', kind: 'id', refersTo: 'policies', description: '政策编号。' },
    { header: '来源章节', key: 'section', kind: 'anchor', anchorIn: 'policy', description: '该政策中对应章节的锚点。' },
  ],
  schema: z.object({
    id: slug(),
    region: slug(),
    indicator: optionalSlug(),
    metric: requiredText(),
    comparator: oneOf(COMPARATORS),
    value: decimal(),
    unit: requiredText(),
    deadline: optionalIsoDate(),
    quote: requiredText(),
    policy: slug(),
    section: requiredText(),
  }),
});

export type Target = z.output<typeof targetsTable.schema>;
