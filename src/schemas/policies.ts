import { z } from 'astro/zod';
import { frontmatterDate, ID_PATTERN, slug } from './fields.ts';

export const POLICY_TYPES = ['通知', '方案', '机制', '办法', '细则', '意见', '规定', '要点'] as const;


/** Frontmatter of content/policies/*.mdx. Keys are English; the data dictionary names them in Chinese. */
export const policySchema = z.object({
  title: z.string({ error: '应填写文件标题' }).min(1, { error: '文件标题不能为空' }),
  docNumber: z.string().min(1).optional(),
  issuer: z.array(z.string().min(1), { error: '应为发文机关列表，例如 [青山湖区人民政府办公室]' }).min(1, { error: '至少填写一个发文机关' }),
  region: slug('qingshanhu'),
  writtenDate: frontmatterDate().optional(),
  publishedDate: frontmatterDate().optional(),
  /** The year the document belongs to, for documents that print no date. */
  year: z.number().int().min(1949).max(2100).optional(),
  type: z.enum(POLICY_TYPES, { error: `应为以下之一：${POLICY_TYPES.join('、')}` }),
  indicators: z.array(slug('kaiban-qiye')).default([]),
  source: z.string({ error: '应写明文本来源' }).min(1, { error: '文本来源不能为空' }),
  attachments: z
    .array(
      z.object({
        title: z.string().min(1, { error: '附件标题不能为空' }),
        dataset: z.string().regex(new RegExp(`^(tasks|tables)/${ID_PATTERN.source.slice(1)}`), { error: '应为数据集路径，例如 tasks/qingshanhu-2023-zhibiao-renwu' }),
      }),
    )
    .default([]),
  draft: z.boolean().default(false),
}).superRefine((policy, ctx) => {
  if (!policy.publishedDate && !policy.writtenDate && policy.year === undefined)
    ctx.addIssue({ code: 'custom', path: ['publishedDate'], message: '原文没有日期时，至少填写年度（year），例如 year: 2023' });
});

/** The date a policy is ordered by: published, else written, else the start of its year. */
export function policySortDate(policy: Pick<Policy, 'publishedDate' | 'writtenDate' | 'year'>): string {
  return policy.publishedDate ?? policy.writtenDate ?? `${policy.year ?? 1970}-01-01`;
}

export type Policy = z.output<typeof policySchema>;

export const POLICY_FIELD_LABELS: Record<string, string> = {
  title: '标题', docNumber: '文号', issuer: '发文机关', region: '地区', writtenDate: '成文日期',
  publishedDate: '发布日期', year: '年度', type: '文种', indicators: '涉及指标', source: '来源', attachments: '附件', draft: '草稿',
};
