import { z } from 'astro/zod';
import { defineTable } from './table.ts';
import { count, oneOf, optionalSlug, optionalText, requiredText, slug, nameList } from './fields.ts';

const INDICATOR_KINDS = ['一级指标', '二级指标', '工作领域'] as const;

export const indicatorsTable = defineTable({
  id: 'indicators',
  title: '营商环境指标',
  description:
    '各文件所称营商环境一级指标的统一清单，含包容普惠创新等指标在文件中出现的二级维度。各文件对同一指标的不同叫法列为别名，统一归到一个编号。',
  labelColumn: '编号',
  columns: [
    { header: '编号', key: 'id', kind: 'id', description: '拼音编号，例如 kaiban-qiye。' },
    { header: '名称', key: 'name', kind: 'text', description: '规范名称。' },
    { header: '上级', key: 'parent', kind: 'id', refersTo: 'indicators', description: '二级维度所属一级指标的编号；一级指标留空。' },
    { header: '类别', key: 'kind', kind: 'choice', description: `${INDICATOR_KINDS.join('、')}。` },
    { header: '排序', key: 'order', kind: 'ordinal', description: '展示顺序，正整数，越小越靠前。' },
    { header: '别名', key: 'aliases', kind: 'text', description: '文件中出现的其他叫法，多个用英文分号 ; 分隔。' },
    { header: '说明', key: 'note', kind: 'text', description: '补充说明，可留空。' },
  ],
  schema: z.object({
    id: slug(),
    name: requiredText(),
    parent: optionalSlug(),
    kind: oneOf(INDICATOR_KINDS),
    order: count(),
    aliases: nameList(),
    note: optionalText(),
  }),
});

export type Indicator = z.output<typeof indicatorsTable.schema>;
