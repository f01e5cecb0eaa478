import { z } from 'astro/zod';
import { frontmatterDate, slug } from './fields.ts';
import { messageText } from '../core/content-messages.ts';

/** What a Word import recognised and left for a person to check; shown on the draft preview only. */
export const importReview = z.object({ recognised: z.array(z.string()).default([]), toCheck: z.array(z.string()).default([]) }).optional();

/** Frontmatter of content/briefings/*.mdx. */
const recipients = () =>
  z
    .string({ error: messageText('briefing-recipients-empty') })
    .min(1, { error: messageText('briefing-recipients-empty') })
    .optional();

export const briefingSchema = z.object(
  {
    title: z.string({ error: messageText('briefing-title-type') }).min(1, { error: messageText('briefing-title-empty') }),
    series: z.string({ error: messageText('briefing-series-type') }).min(1, { error: messageText('briefing-series-empty') }),
    region: slug('longnan'),
    issue: z
      .number({ error: messageText('briefing-issue') })
      .int({ error: messageText('briefing-issue') })
      .positive({ error: messageText('briefing-issue') }),
    date: frontmatterDate(),
    issuer: z.string({ error: messageText('briefing-issuer-type') }).min(1, { error: messageText('briefing-issuer-empty') }),
    submittedTo: recipients(),
    copiedTo: recipients(),
    draft: z.boolean({ error: messageText('draft-flag') }).default(false),
    review: importReview,
  },
  { error: messageText('frontmatter-not-mapping') },
);

export type Briefing = z.output<typeof briefingSchema>;

export const BRIEFING_FIELD_LABELS: Record<string, string> = {
  title: '标题',
  series: '简报名称',
  region: '地区',
  issue: '期号',
  date: '日期',
  issuer: '编印单位',
  submittedTo: '报送',
  copiedTo: '抄送',
  draft: '草稿',
  review: '导入核对',
};
