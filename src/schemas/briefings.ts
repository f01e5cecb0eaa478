import { z } from 'astro/zod';
import { frontmatterDate, slug } from './fields.ts';

/** Frontmatter of content/briefings/*.mdx. */
export const briefingSchema = z.object({
  title: z.string({ error: '应填写简报标题' }).min(1, { error: '简报标题不能为空' }),
  series: z.string({ error: '应填写简报名称（系列）' }).min(1),
  region: slug('longnan'),
  issue: z.number({ error: '期号应为正整数，例如 3' }).int({ error: '期号应为正整数' }).positive({ error: '期号应为正整数' }),
  date: frontmatterDate(),
  issuer: z.string({ error: '应填写编印单位' }).min(1),
  submittedTo: z.string().min(1).optional(),
  copiedTo: z.string().min(1).optional(),
  draft: z.boolean().default(false),
});

export type Briefing = z.output<typeof briefingSchema>;

export const BRIEFING_FIELD_LABELS: Record<string, string> = {
  title: '标题', series: '简报名称', region: '地区', issue: '期号', date: '日期', issuer: '编印单位',
  submittedTo: '报送', copiedTo: '抄送', draft: '草稿',
};
