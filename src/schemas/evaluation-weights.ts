import { z } from 'astro/zod';
import { defineTable } from './table.ts';
import { count, decimal, requiredText, slug } from './fields.ts';

export const evaluationWeightsTable = defineTable({
  id: 'evaluationWeights',
  title: '考核评价权重',
  description: '简报公布的营商环境考核评价体系各部分分值占比。同一地区、同一年度的各部分合计应为 100。',
  labelColumn: '编号',
  columns: [
    { header: '编号', key: 'id', kind: 'id', description: '本条记录的编号。' },
    { header: '适用地区', key: 'region', kind: 'id', refersTo: 'regions', description: '制定考核体系的地区编号。' },
    { header: '年度', key: 'year', kind: 'year', description: '考核年度，例如 2023。' },
    { header: '考核内容', key: 'part', kind: 'text', description: '考核的组成部分。' },
    { header: '权重', key: 'weight', kind: 'percent', unit: '%', description: '分值占比，不带 % 号。' },
    { header: '说明', key: 'description', kind: 'text', description: '简报对该部分的说明。' },
    { header: '来源简报', key: 'briefing', kind: 'id', refersTo: 'briefings', description: '简报编号。' },
    { header: '来源章节', key: 'section', kind: 'anchor', anchorIn: 'briefing', description: '该期简报中对应章节的锚点。' },
  ],
  schema: z.object({
    id: slug(),
    region: slug(),
    year: count(),
    part: requiredText(),
    weight: decimal(),
    description: requiredText(),
    briefing: slug(),
    section: requiredText(),
  }),
});

export type EvaluationWeight = z.output<typeof evaluationWeightsTable.schema>;
