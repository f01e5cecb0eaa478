import { z } from 'astro/zod';
import { frontmatterDate, ID_PATTERN, slug } from './fields.ts';
import { messageText } from '../core/content-messages.ts';
import { importReview } from './briefings.ts';

export const POLICY_TYPES = ['通知', '方案', '机制', '办法', '细则', '意见', '规定', '要点'] as const;

/** Frontmatter of content/policies/*.mdx. Keys are English; the data dictionary names them in Chinese. */
export const policySchema = z
  .object(
    {
      title: z.string({ error: messageText('policy-title-type') }).min(1, { error: messageText('policy-title-empty') }),
      docNumber: z
        .string({ error: messageText('doc-number-empty') })
        .min(1, { error: messageText('doc-number-empty') })
        .optional(),
      issuer: z
        .array(z.string({ error: messageText('policy-issuer-list') }).min(1, { error: messageText('policy-issuer-empty') }), {
          error: messageText('policy-issuer-list'),
        })
        .min(1, { error: messageText('policy-issuer-empty') }),
      region: slug('qingshanhu'),
      /** 主送: the offices the document is addressed to. */
      addressee: z
        .string({ error: messageText('required') })
        .min(1, { error: messageText('required') })
        .optional(),
      /** 落款: the offices that sign the document, as printed above its date. */
      signature: z.array(z.string({ error: messageText('required') }).min(1, { error: messageText('required') })).optional(),
      writtenDate: frontmatterDate().optional(),
      publishedDate: frontmatterDate().optional(),
      /** The year the document belongs to, for documents that print no date. */
      year: z
        .number({ error: messageText('policy-year') })
        .int({ error: messageText('policy-year') })
        .min(1949, { error: messageText('policy-year') })
        .max(2100, { error: messageText('policy-year') })
        .optional(),
      type: z.enum(POLICY_TYPES, { error: messageText('choice', { choices: POLICY_TYPES.join('、') }) }),
      indicators: z.array(slug('kaiban-qiye'), { error: messageText('policy-indicator-list') }).default([]),
      source: z.string({ error: messageText('policy-source-type') }).min(1, { error: messageText('policy-source-empty') }),
      attachments: z
        .array(
          z.object(
            {
              title: z.string({ error: messageText('attachment-list') }).min(1, { error: messageText('attachment-title-empty') }),
              dataset: z
                .string({ error: messageText('attachment-list') })
                .regex(new RegExp(`^(tasks|tables)/${ID_PATTERN.source.slice(1)}`), { error: messageText('attachment-dataset-format') }),
            },
            { error: messageText('attachment-list') },
          ),
          { error: messageText('attachment-list') },
        )
        .default([]),
      draft: z.boolean({ error: messageText('draft-flag') }).default(false),
      review: importReview,
    },
    { error: messageText('frontmatter-not-mapping') },
  )
  .superRefine((policy, ctx) => {
    if (!policy.publishedDate && !policy.writtenDate && policy.year === undefined)
      ctx.addIssue({ code: 'custom', path: ['publishedDate'], message: messageText('policy-undated') });
  });

/** The date a policy is ordered by: published, else written, else the start of its year. */
export function policySortDate(policy: Pick<Policy, 'publishedDate' | 'writtenDate' | 'year'>): string {
  return policy.publishedDate ?? policy.writtenDate ?? `${policy.year ?? 1970}-01-01`;
}

export type Policy = z.output<typeof policySchema>;

export const POLICY_FIELD_LABELS: Record<string, string> = {
  title: '标题',
  docNumber: '文号',
  issuer: '发文机关',
  region: '地区',
  addressee: '主送',
  signature: '落款',
  writtenDate: '成文日期',
  publishedDate: '发布日期',
  year: '年度',
  type: '文种',
  indicators: '涉及指标',
  source: '来源',
  attachments: '附件',
  draft: '草稿',
  review: '导入核对',
};
