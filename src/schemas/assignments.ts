import { z } from 'astro/zod';
import { defineTable } from './table.ts';
import { optionalOneOf, optionalText, requiredText, slug } from './fields.ts';

const LEADER_TITLES = ['领班', '指标长', '分管领导'] as const;

export const assignmentsTable = defineTable({
  id: 'assignments',
  title: '指标责任分工',
  description: '各地文件为每项指标确定的责任分工：牵头领导（领班、指标长）、牵头单位、配合单位、带班领导，以及对标城市和预期目标。',
  columns: [
    { header: '地区', key: 'region', kind: 'id', refersTo: 'regions', description: '地区编号。' },
    { header: '指标', key: 'indicator', kind: 'id', refersTo: 'indicators', description: '指标编号。' },
    { header: '原文指标名称', key: 'nameInSource', kind: 'text', description: '文件原文中的指标名称。' },
    { header: '牵头领导', key: 'leader', kind: 'text', description: '文件指定的牵头领导姓名，多人按原文。' },
    {
      header: '领导称谓',
      key: 'leaderTitle',
      kind: 'choice',
      description: `文件对牵头领导的称谓：${LEADER_TITLES.join('、')}；未指定领导时留空。`,
    },
    { header: '牵头单位', key: 'leadUnit', kind: 'text', description: '牵头单位，按原文（上饶文件称“责任单位”）。' },
    { header: '配合单位', key: 'supportingUnits', kind: 'text', description: '配合单位或责任单位，按原文。' },
    { header: '带班领导', key: 'shiftLeader', kind: 'text', description: '带班领导（上饶文件：牵头单位主要负责人）。' },
    { header: '对标城市', key: 'benchmarkCities', kind: 'text', description: '对标城市，按原文。' },
    { header: '预期目标', key: 'expectedGrade', kind: 'text', description: '预期目标，按原文，例如 全省营商环境评价目标：优异。' },
    { header: '来源政策', key: 'policy', kind: 'id', refersTo: 'policies', description: '出自哪份政策文件（政策编号）。' },
    { header: '来源章节', key: 'section', kind: 'anchor', anchorIn: 'policy', description: '该政策中对应章节的锚点，例如 s1-6。' },
  ],
  schema: z.object({
    region: slug(),
    indicator: slug(),
    nameInSource: requiredText(),
    leader: optionalText(),
    leaderTitle: optionalOneOf(LEADER_TITLES),
    leadUnit: optionalText(),
    supportingUnits: optionalText(),
    shiftLeader: optionalText(),
    benchmarkCities: optionalText(),
    expectedGrade: optionalText(),
    policy: slug(),
    section: optionalText(),
  }),
});

export type Assignment = z.output<typeof assignmentsTable.schema>;
