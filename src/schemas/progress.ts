import { z } from 'astro/zod';
import { defineTable } from './table.ts';
import { messageText } from '../core/content-messages.ts';
import { count, isoDate, optionalCount, optionalPercent, requiredText, slug } from './fields.ts';
import { sumOfParts } from '../core/tracker-counts.ts';

export const progressTable = defineTable({
  id: 'progress',
  title: '进展通报',
  description:
    '工作简报公布的各跟踪清单进展：截至日期、事项总数及已完成、正在推进、未完成、长期坚持的数量，以及简报公布的完成率。数字照录简报，不作更改；简报未给出的分项留空。',
  labelColumn: '编号',
  columns: [
    { header: '编号', key: 'id', kind: 'id', description: '本条记录的编号。' },
    { header: '地区', key: 'region', kind: 'id', refersTo: 'regions', description: '地区编号。' },
    { header: '跟踪事项', key: 'tracker', kind: 'id', refersTo: 'trackers', description: '跟踪事项清单编号（见“跟踪事项清单”）。' },
    { header: '截至日期', key: 'asOf', kind: 'date', description: '数据截至日期，YYYY-MM-DD。' },
    { header: '总数', key: 'total', kind: 'count', unit: '项', description: '事项总数。' },
    { header: '已完成', key: 'completed', kind: 'count', unit: '项', description: '已完成（含“已取得阶段性成效”）的数量。' },
    { header: '正在推进', key: 'inProgress', kind: 'count', unit: '项', description: '正在推进（含“持续推进”）的数量；未公布时留空。' },
    { header: '未完成', key: 'notCompleted', kind: 'count', unit: '项', description: '未完成的数量；未公布时留空。' },
    { header: '长期坚持', key: 'longTerm', kind: 'count', unit: '项', description: '长期坚持的数量；未公布时留空。' },
    { header: '公布完成率', key: 'publishedRate', kind: 'percent', unit: '%', description: '简报公布的完成率，不带 % 号；未公布时留空。' },
    { header: '原文', key: 'quote', kind: 'text', description: '简报原文，一字不改。' },
    { header: '来源简报', key: 'briefing', kind: 'id', refersTo: 'briefings', description: '出自哪一期简报（简报编号）。' },
    { header: '来源章节', key: 'section', kind: 'anchor', anchorIn: 'briefing', description: '该期简报中对应章节的锚点。' },
  ],
  schema: z
    .object({
      id: slug(),
      region: slug(),
      tracker: slug(),
      asOf: isoDate(),
      total: count(),
      completed: count(),
      inProgress: optionalCount(),
      notCompleted: optionalCount(),
      longTerm: optionalCount(),
      publishedRate: optionalPercent(),
      quote: requiredText(),
      briefing: slug(),
      section: requiredText(),
    })
    .superRefine((row, ctx) => {
      const sum = sumOfParts(row);
      if (sum !== row.total)
        ctx.addIssue({
          code: 'custom',
          path: ['total'],
          message: messageText('parts-do-not-add-up', { sum, total: row.total }),
        });
    }),
});

export type ProgressSnapshot = z.output<typeof progressTable.schema>;
