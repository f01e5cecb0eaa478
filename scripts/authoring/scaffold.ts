/**
 * New content files for staff: the next issue of a region's briefing, or a
 * new policy, as drafts (left out of the site until `draft: true` is
 * removed), with every field explained. Pure: the CLI (scripts/new.ts)
 * supplies the existing documents and today's date.
 */

export interface BriefingSummary {
  id: string;
  region: string;
  series: string;
  issue: number;
  issuer: string;
  submittedTo?: string | undefined;
  copiedTo?: string | undefined;
}

export interface NewFile {
  /** Path relative to the content root. */
  path: string;
  text: string;
}

/** The sections of a briefing as the series prints them. */
export const STANDARD_SECTIONS = [
  '## 【营商环境“一号改革工程”领导小组办公室】',
  '### 重要会议：',
  '### 印发文件：',
  '### 事项清单：',
  '### 调研督查：',
  '## 【国家部委动态】',
  '## 【省市信息动态】',
  '## 【部门工作动态】',
  '## 【信息刊登】',
  '## 【他山之石】',
];

const quote = (value: string) => JSON.stringify(value);

/** A briefing's id, `<region>-jianbao-<year>-<nn>`: longnan-jianbao-2023-04. */
export function briefingId(region: string, year: string, issue: number): string {
  return `${region}-jianbao-${year}-${String(issue).padStart(2, '0')}`;
}

/** The next briefing of a region's series: 期号 one more than the last, details carried over from it. */
export function nextBriefing(input: { region: string; regionName: string; today: string; briefings: readonly BriefingSummary[] }): NewFile {
  const previous = input.briefings.filter((b) => b.region === input.region).sort((a, b) => b.issue - a.issue)[0];
  const issue = (previous?.issue ?? 0) + 1;
  const id = briefingId(input.region, input.today.slice(0, 4), issue);
  const series = previous?.series ?? `${input.regionName}营商环境“一号改革工程”工作简报`;
  const lines = [
    '---',
    `title: ${quote(`${series} 第${issue}期`)}`,
    `series: ${quote(series)}`,
    `region: ${input.region}`,
    `issue: ${issue}`,
    `date: ${input.today}`,
    `issuer: ${quote(previous?.issuer ?? '（请填写编印单位）')}`,
    ...(previous?.submittedTo ? [`submittedTo: ${quote(previous.submittedTo)}`] : ['submittedTo: "（请填写报送对象）"']),
    ...(previous?.copiedTo ? [`copiedTo: ${quote(previous.copiedTo)}`] : ['copiedTo: "（请填写抄送对象）"']),
    '# 草稿：网站不会发布本期，写完并检查无误后删除下面这一行。',
    'draft: true',
    '---',
    '',
    '{/* 在各栏目标题下逐条填写正文，没有内容的栏目可以删除。',
    '   本期公布的进展数字，请在 content/tables/progress.csv 中逐行添加，例如：',
    `   ${input.region}-${input.today}-duibiao-tisheng,${input.region},duibiao-tisheng,截至日期,总数,已完成,正在推进,未完成,长期坚持,公布完成率,简报原句,${id},事项清单`,
    '   简报没有给出的分项留空，不要填 0。写完后运行 npm run check。 */}',
    '',
    ...STANDARD_SECTIONS.flatMap((heading) => [heading, '']),
  ];
  return { path: `briefings/${id}.mdx`, text: lines.join('\n') };
}

/** The first free id of the form `<region>-<year>-zhengce-<n>`. */
export function nextPolicyId(region: string, year: string, existingIds: readonly string[]): string {
  let n = 1;
  while (existingIds.includes(`${region}-${year}-zhengce-${n}`)) n++;
  return `${region}-${year}-zhengce-${n}`;
}

/** A new policy, every frontmatter field with a note on what to write. */
export function newPolicy(input: { region: string; today: string; existingIds: readonly string[] }): NewFile {
  const id = nextPolicyId(input.region, input.today.slice(0, 4), input.existingIds);
  const lines = [
    '---',
    'title: "（请填写文件标题，不含书名号）"',
    '# 文号，例如 湖办发〔2023〕8号；文件没有文号时删除这一行',
    'docNumber: "（请填写文号）"',
    'issuer: ["（请填写发文机关，多个机关用英文逗号分隔）"]',
    `region: ${input.region}`,
    '# 成文日期（文件落款日期）和发布日期，格式 YYYY-MM-DD；文件没有日期时删除这两行，改填 year: 年份',
    `writtenDate: ${input.today}`,
    `publishedDate: ${input.today}`,
    '# 文种：通知、方案、机制、办法、细则、意见、规定、要点 之一',
    'type: 方案',
    '# 涉及的指标编号，见 content/tables/indicators.csv 的“编号”列',
    'indicators: []',
    'source: "（请写明文本来源，例如 某某办公室印发文件，文本提取自公开发布的PDF）"',
    '# 附件中的任务清单整理成 content/tasks/*.csv 后，在这里登记，例如',
    '# attachments:',
    `#   - { title: 任务清单标题, dataset: tasks/${id}-renwu }`,
    '# 草稿：网站不会发布这份文件，写完并检查无误后删除下面这一行。',
    'draft: true',
    '---',
    '',
    '{/* 按原文逐段录入正文。带编号的标题写成：## 一、……  ### （一）……  #### 1.…… */}',
    '',
  ];
  return { path: `policies/${id}.mdx`, text: lines.join('\n') };
}
