import { z } from 'astro/zod';
import { defineTable } from './table.ts';
import { oneOf, optionalSlug, requiredText, slug } from './fields.ts';

const REGION_LEVELS = ['省', '设区市', '县级市', '市辖区', '管理局'] as const;

export const regionsTable = defineTable({
  id: 'regions',
  title: '地区',
  description: '文件涉及的行政区划和管理区，编号为拼音，供其他数据表引用。',
  labelColumn: '编号',
  columns: [
    { header: '编号', key: 'id', kind: 'id', description: '拼音编号，例如 qingshanhu。其他表的“地区”列填写此编号。' },
    { header: '名称', key: 'name', kind: 'text', description: '正式名称，例如 青山湖区。' },
    { header: '层级', key: 'level', kind: 'choice', description: `行政层级：${REGION_LEVELS.join('、')}。` },
    { header: '上级', key: 'parent', kind: 'id', refersTo: 'regions', description: '上级地区的编号；省级留空。' },
  ],
  schema: z.object({
    id: slug(),
    name: requiredText(),
    level: oneOf(REGION_LEVELS),
    parent: optionalSlug(),
  }),
});

export type Region = z.output<typeof regionsTable.schema>;
