import { z } from 'astro/zod';
import { defineTable } from './table.ts';
import { messageText } from '../core/content-messages.ts';
import { count, isoDate, oneOf, optionalText, requiredText, slug, slugList } from './fields.ts';

const RANKING_TIERS = ['靠前', '中等', '靠后'] as const;

/** Shown for a tier whose indicators the notice counted but did not name (the 指标 cell is empty). */
export const UNLISTED_INDICATORS = '通报未列名称';

export const rankingTiersTable = defineTable({
  id: 'rankingTiers',
  title: '指标排名档次',
  description: '简报转述的上级通报中，本地各项指标所处的排名档次。通报只给出数量、未列名称的，指标列留空。',
  labelColumn: '编号',
  columns: [
    { header: '编号', key: 'id', kind: 'id', description: '本条记录的编号。' },
    { header: '地区', key: 'region', kind: 'id', refersTo: 'regions', description: '被排名的地区编号。' },
    { header: '发布日期', key: 'publishedOn', kind: 'date', description: '通报发布日期，YYYY-MM-DD。' },
    { header: '发布方', key: 'publisher', kind: 'text', description: '发布通报的机构。' },
    { header: '文件名称', key: 'document', kind: 'text', description: '通报名称。' },
    { header: '档次', key: 'tier', kind: 'choice', description: `${RANKING_TIERS.join('、')}。` },
    { header: '指标数', key: 'count', kind: 'count', unit: '个', description: '该档次的指标数量。' },
    {
      header: '指标',
      key: 'indicators',
      kind: 'ids',
      refersTo: 'indicators',
      description: '该档次的指标编号，用英文分号 ; 分隔；通报未列出时留空。',
    },
    { header: '来源简报', key: 'briefing', kind: 'id', refersTo: 'briefings', description: '简报编号。' },
    { header: '来源章节', key: 'section', kind: 'anchor', anchorIn: 'briefing', description: '该期简报中对应章节的锚点。' },
  ],
  schema: z
    .object({
      id: slug(),
      region: slug(),
      publishedOn: isoDate(),
      publisher: requiredText(),
      document: optionalText(),
      tier: oneOf(RANKING_TIERS),
      count: count(),
      indicators: slugList(),
      briefing: slug(),
      section: requiredText(),
    })
    .superRefine((row, ctx) => {
      if (row.indicators.length > 0 && row.indicators.length !== row.count)
        ctx.addIssue({
          code: 'custom',
          path: ['count'],
          message: messageText('ranking-count-mismatch', { listed: row.indicators.length, count: row.count }),
        });
    }),
});

export type RankingTier = z.output<typeof rankingTiersTable.schema>;
