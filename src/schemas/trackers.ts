import { z } from 'astro/zod';
import { defineTable } from './table.ts';
import { nameList, requiredText, slug } from './fields.ts';

export const trackersTable = defineTable({
  id: 'trackers',
  title: '跟踪事项清单',
  description: '工作简报定期通报进展的事项清单，例如第三方评价反馈问题整改、对标提升、创新试点。',
  labelColumn: '编号',
  columns: [
    { header: '编号', key: 'id', kind: 'id', description: '清单编号，例如 disanfang-zhenggai。' },
    { header: '名称', key: 'name', kind: 'text', description: '清单名称。' },
    { header: '说明', key: 'description', kind: 'text', description: '清单是什么，用简报原文的说法。' },
    {
      header: '别名',
      key: 'aliases',
      kind: 'text',
      description: '简报中对这一清单的其他叫法，多个用英文分号 ; 分隔；导入 Word 简报时据此认出进展数字属于哪个清单。',
      optionalColumn: true,
    },
  ],
  schema: z.object({ id: slug(), name: requiredText(), description: requiredText(), aliases: nameList() }),
});

export type Tracker = z.output<typeof trackersTable.schema>;
