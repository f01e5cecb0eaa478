/**
 * A work briefing written in Word → a draft briefing MDX file, with its
 * figures added to progress.csv and ranking-tiers.csv.
 *
 * The masthead (报头) gives the frontmatter: the series title, 期号 from the
 * 第N期 line, and the issuing office and date from the line under it (often
 * one line split by a tab). The series is recognised from the region's
 * earlier issues. 报送 and 抄送 at the end go to the frontmatter. Tracker and
 * ranking sentences become dataset rows citing their section; whatever
 * looks like a figure but cannot be matched is listed for a person. Pure:
 * scripts/import-docx.ts reads and writes the files.
 *
 * Why one file: a briefing is read top to bottom (masthead, sections,
 * figures, closing lines), each step using what the earlier ones found; the
 * sentence patterns and the Word reading are modules of their own.
 */
import { formatChineseDate, isoDateFromParts } from '../../src/core/dates.ts';
import { sumOfParts } from '../../src/core/tracker-counts.ts';
import type { IndicatorLike } from '../../src/lib/catalog.ts';
import { checkPublishedRate, describeDisagreement } from '../../src/lib/figures/rates.ts';
import { chineseNumeralValue } from '../../src/lib/content/anchors.ts';
import { csvRecords, withRows } from '../../src/lib/content/csv-rows.ts';
import { progressTable } from '../../src/schemas/progress.ts';
import { rankingTiersTable } from '../../src/schemas/ranking-tiers.ts';
import { convertBody } from './docx-body.ts';
import {
  alreadyExists,
  draftFrontmatter,
  yamlString,
  type DocxImportResult,
  type FigureToPlace,
  type FileExists,
  type ImportedFile,
  type ImportReview,
} from './docx-draft.ts';
import type { DocxBlock, DocxContent, DocxParagraph } from './docx-reader.ts';
import {
  isUnmatched,
  sentencesOf,
  tierFigures,
  trackerFigure,
  type TierFigure,
  type TrackerFigure,
  type TrackerName,
  type UnmatchedFigure,
} from './figure-sentences.ts';
import { briefingId, STANDARD_SECTIONS, type BriefingSummary } from './scaffold.ts';
import { tidyText } from './spreadsheet-import.ts';

export interface BriefingImportInput {
  content: DocxContent;
  fileName: string;
  region: string;
  /** Every briefing already in the content, of any region. */
  briefings: readonly (BriefingSummary & { date: string })[];
  fileExists: FileExists;
  trackers: readonly TrackerName[];
  indicators: readonly IndicatorLike[];
  /** The current text of content/tables/progress.csv and ranking-tiers.csv. */
  progressCsv: string;
  rankingTiersCsv: string;
  /** Values given on the command line for what the masthead does not say. */
  given: { issue?: number; date?: string; series?: string; issuer?: string };
  force: boolean;
  /** What to say when the issue is already in the content and force is not given; by default, to add --force. */
  duplicateMessage?: (existing: { id: string; series: string; issue: number }) => string;
}

export interface Masthead {
  series?: string;
  issue?: number;
  issuer?: string;
  date?: string;
  /** Index of the first body block. */
  bodyStart: number;
}

const ISSUE_LINE = /^第\s*(\d+|[〇零一二三四五六七八九十]+)\s*期(?:\s*[（(]?\s*总第\s*\d+\s*期\s*[）)]?)?$/;
const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

/** The masthead: title lines, the 第N期 line, then issuer and date (one line, tab-split, or two lines). */
export function readMasthead(blocks: readonly DocxBlock[]): Masthead {
  const paragraphs = blocks.slice(0, 8);
  const issueAt = paragraphs.findIndex((b) => b.kind === 'paragraph' && ISSUE_LINE.test(tidyText(b.text)));
  if (issueAt === -1) return { bodyStart: 0 };
  const titleLines = paragraphs
    .slice(0, issueAt)
    .filter((b): b is DocxParagraph => b.kind === 'paragraph')
    .map((b) => tidyText(b.text));
  const issueText = ISSUE_LINE.exec(tidyText((paragraphs[issueAt] as DocxParagraph).text))![1]!;
  const issue = /^\d+$/.test(issueText) ? Number(issueText) : chineseNumeralValue(issueText);
  const masthead: Masthead = {
    ...(titleLines.length > 0 ? { series: titleLines.join('') } : {}),
    ...(issue ? { issue } : {}),
    bodyStart: issueAt + 1,
  };
  // Issuer and date: one line split by a tab or spaces, or issuer then date on the next line.
  for (let i = issueAt + 1; i < Math.min(blocks.length, issueAt + 3); i++) {
    const block = blocks[i];
    if (block?.kind !== 'paragraph') break;
    const date = DATE.exec(block.text);
    const rest = block.text.replace(DATE, '').replace(/\s+/g, ' ').trim();
    if (date) {
      masthead.date = isoDateFromParts(date[1]!, date[2]!, date[3]!);
      if (rest) masthead.issuer = rest;
      masthead.bodyStart = i + 1;
      break;
    }
    if (i === issueAt + 1 && rest.length <= 60 && !/[。，]/.test(rest)) {
      masthead.issuer = rest;
      masthead.bodyStart = i + 1;
    } else break;
  }
  return masthead;
}

const CLOSING = /^(报送|抄送|报|送|抄)\s*[：:]\s*(.+)$/;

const compact = (text: string) => text.replace(/[\s"“”]/g, '');

/** Row ids of a dataset CSV, except the rows citing `briefing` (replaced on --force). */
function idsNotFrom(csv: string, briefing: string): Set<string> {
  const [header = [], ...rows] = csvRecords(csv);
  const at = header.indexOf('来源简报');
  return new Set(rows.filter((r) => r[at] !== briefing).map((r) => r[0]!));
}

const TIER_IDS: Record<TierFigure['tier'], string> = { 靠前: 'kaoqian', 中等: 'zhongdeng', 靠后: 'kaohou' };

export function importBriefing(input: BriefingImportInput): DocxImportResult {
  const { content, region } = input;
  const masthead = readMasthead(content.blocks);
  const review: ImportReview = { recognised: [], toCheck: [] };
  const earlier = input.briefings.filter((b) => b.region === region).sort((a, b) => b.issue - a.issue);

  // Series: the masthead's words, matched to the region's earlier issues.
  let series = input.given.series ?? masthead.series;
  if (!input.given.series && masthead.series) {
    const same = earlier.find((b) => compact(b.series) === compact(masthead.series!));
    const endsWith = [...new Set(earlier.map((b) => b.series))].filter((s) => compact(s).endsWith(compact(masthead.series!)));
    if (same) {
      series = same.series;
      review.recognised.push(`简报名称：${series}（与本地区以往各期相同）`);
    } else if (endsWith.length === 1) {
      series = endsWith[0]!;
      review.recognised.push(`简报名称：报头为“${masthead.series}”，按本地区以往各期认定为“${series}”`);
    } else {
      review.recognised.push(`简报名称：${series}（取自报头）`);
      if (earlier.length > 0)
        review.toCheck.push(`简报名称“${series}”与本地区以往各期的“${earlier[0]!.series}”不同，请核对报头是否识别正确`);
    }
  } else if (input.given.series) review.recognised.push(`简报名称：${series}（命令行 --series 给出）`);

  const issue = input.given.issue ?? masthead.issue;
  const date = input.given.date ?? masthead.date;
  const issuer = input.given.issuer ?? masthead.issuer;
  const errors: string[] = [];
  const where = `${input.fileName} 的报头`;
  if (!series)
    errors.push(
      `${where}：找不到简报名称（报头第一行，如“某某营商环境工作简报”），本地区也没有以往各期可参照。请在命令中加 --series "简报名称" 手工填写。`,
    );
  if (issue === undefined)
    errors.push(`${where}：找不到期号。报头中应有单独一行“第N期”；请在 Word 中补上，或在命令中加 --issue N 手工填写。`);
  if (!date)
    errors.push(
      `${where}：找不到日期。期号下面一行应写编印单位和日期（如“某某办公室<Tab>2023年8月4日”）；请在 Word 中补上，或在命令中加 --date YYYY-MM-DD 手工填写。`,
    );
  if (!issuer)
    errors.push(`${where}：找不到编印单位。期号下面一行应写编印单位和日期；请在 Word 中补上，或在命令中加 --issuer "编印单位" 手工填写。`);
  if (errors.length > 0) return { ok: false, errors };

  const sameIssue = input.briefings.find((b) => b.series === series && b.issue === issue);
  if (sameIssue && !input.force)
    return {
      ok: false,
      errors: [
        input.duplicateMessage?.(sameIssue) ??
          `${series} 第${issue}期已经存在（content/briefings/${sameIssue.id}.mdx），没有导入。确认要用这份 Word 文件替换它时，加上 --force。`,
      ],
    };
  const id = sameIssue?.id ?? briefingId(region, date!.slice(0, 4), issue!);
  const taken = input.briefings.find((b) => b.id === id && b !== sameIssue);
  if (taken)
    return { ok: false, errors: [`content/briefings/${id}.mdx 已经是另一份简报（${taken.series} 第${taken.issue}期），没有导入。`] };
  // A file the content check cannot read is not among the briefings, and is not replaced without --force either.
  if (!input.force && input.fileExists(`briefings/${id}.mdx`)) return { ok: false, errors: [alreadyExists(`briefings/${id}.mdx`)] };
  review.recognised.push(`期号：第${issue}期`, `编印单位：${issuer}`, `日期：${formatChineseDate(date!)}`);
  if (earlier[0] && earlier[0].issuer !== issuer && !sameIssue)
    review.toCheck.push(`编印单位“${issuer}”与上一期的“${earlier[0].issuer}”不同，请核对`);
  const previous = earlier.find((b) => b !== sameIssue);
  if (previous && issue! !== previous.issue + 1 && !sameIssue)
    review.toCheck.push(`上一期是第${previous.issue}期，本期是第${issue}期，请核对期号`);

  // 报送 / 抄送 at the end.
  const body = content.blocks.slice(masthead.bodyStart);
  const closing: Record<string, string> = {};
  while (body.length > 0) {
    const last = body[body.length - 1]!;
    const match = last.kind === 'paragraph' ? CLOSING.exec(last.text.trim()) : null;
    if (!match) break;
    closing[match[1]!.startsWith('抄') ? '抄送' : '报送'] = match[2]!.trim();
    body.pop();
  }
  for (const key of ['报送', '抄送'] as const) {
    if (closing[key]) review.recognised.push(`${key}：${closing[key]}`);
    else
      review.toCheck.push(
        `文末没有找到“${key}：”一行${previous?.[key === '报送' ? 'submittedTo' : 'copiedTo'] ? '，已沿用上一期的写法' : ''}，请核对`,
      );
  }
  const submittedTo = closing['报送'] ?? previous?.submittedTo;
  const copiedTo = closing['抄送'] ?? previous?.copiedTo;

  const imageFolder = `sources/${id}`;
  const converted = convertBody(body, content.footnotes, { kind: 'briefing', imageFolder: `content/${imageFolder}` });
  const standard = new Set(STANDARD_SECTIONS.map((h) => h.replace(/^#+\s*/, '')));
  const parts = converted.headings.filter((h) => h.rank <= 1);
  review.recognised.push(`标题 ${converted.headings.length} 个：${converted.headings.map((h) => h.text).join('、')}`);
  for (const h of parts)
    if (h.rank === 0 && !standard.has(h.text)) review.toCheck.push(`栏目“${h.text}”不是简报的常用栏目，请核对标题是否识别正确`);
  for (const h of converted.headings.filter((h) => h.rank === 1 && /：$/.test(h.text)))
    if (!standard.has(h.text)) review.toCheck.push(`小标题“${h.text}”不是常用栏目，请核对`);
  review.toCheck.push(...converted.notes);
  if (content.footnotes.length > 0) review.recognised.push(`脚注 ${content.footnotes.length} 条，排在正文末尾`);

  // Figures.
  const progressRows: Record<string, string>[] = [];
  const tierRows: string[][] = [];
  const figuresToPlace: FigureToPlace[] = [];
  const existingProgress = idsNotFrom(input.progressCsv, id);
  const existingTiers = idsNotFrom(input.rankingTiersCsv, id);
  const names = new Map(input.trackers.map((t) => [t.id, t.name]));
  const toPlace = (quote: string, reason: string, section: string | undefined, read: UnmatchedFigure['read'] = {}, advice = '') => {
    review.toCheck.push(`未能录入的数字：“${quote}”——${reason}${advice}`);
    figuresToPlace.push({ quote, ...(section ? { section } : {}), values: progressValues(read), reason });
  };
  for (const paragraph of converted.paragraphs) {
    for (const sentence of sentencesOf(paragraph.text)) {
      const figure = trackerFigure(sentence, date!, input.trackers);
      const tiers = figure ? [] : tierFigures(sentence, date!, input.indicators);
      for (const found of [...(figure ? [figure] : []), ...tiers]) {
        if (isUnmatched(found)) {
          const advice = '。请人工判断，需要时在相应表格中手工添加';
          if (found === figure) toPlace(found.quote, found.reason, paragraph.section, found.read, advice);
          else review.toCheck.push(`未能录入的数字：“${found.quote}”——${found.reason}${advice}`);
          continue;
        }
        if (!paragraph.section) {
          if ('tracker' in found) toPlace(found.quote, '不在任何标题之下，无法注明来源章节', undefined, found);
          else review.toCheck.push(`未能录入的数字：“${found.quote}”——不在任何标题之下，无法注明来源章节`);
          continue;
        }
        if ('tracker' in found) {
          const f: TrackerFigure = found;
          const rowId = `${region}-${f.asOf}-${f.tracker}`;
          if (existingProgress.has(rowId) || progressRows.some((r) => r['编号'] === rowId)) {
            toPlace(f.quote, `progress.csv 中已有编号 ${rowId} 的一行（同一清单、同一截止日期），请核对是否重复`, paragraph.section, f);
            continue;
          }
          progressRows.push({ 编号: rowId, 地区: region, ...progressValues(f), 原文: f.quote, 来源简报: id, 来源章节: paragraph.section });
          const parts = [
            ['已完成', f.completed],
            ['正在推进', f.inProgress],
            ['未完成', f.notCompleted],
            ['长期坚持', f.longTerm],
          ]
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => `${k} ${v}`);
          review.recognised.push(
            `进展数字：${names.get(f.tracker)}，截止${f.asOfText}，总数 ${f.total}，${parts.join('，')}${f.publishedRate !== undefined ? `，公布完成率 ${f.publishedRateText}%` : ''}（来源章节 #${paragraph.section}）`,
          );
          const sum = sumOfParts(f);
          if (sum !== f.total)
            review.toCheck.push(
              `${names.get(f.tracker)}：分项之和为 ${sum}，与总数 ${f.total} 不符，已照录；npm run check 会报告这一行，请按原文核对`,
            );
          const disagreement = describeDisagreement(checkPublishedRate(f, f.publishedRate));
          if (disagreement) review.toCheck.push(`${names.get(f.tracker)}：${disagreement}`);
        } else {
          const t: TierFigure = found;
          const rowId = `${region}-${t.publishedOn}-${TIER_IDS[t.tier]}`;
          if (existingTiers.has(rowId) || tierRows.some((r) => r[0] === rowId)) {
            review.toCheck.push(
              `未能录入的排名档次：“${t.quote}”（${t.tier}）——ranking-tiers.csv 中已有编号 ${rowId} 的一行，请核对是否重复`,
            );
            continue;
          }
          tierRows.push([
            rowId,
            region,
            t.publishedOn,
            t.publisher,
            t.document,
            t.tier,
            String(t.count),
            t.indicators.join(';'),
            id,
            paragraph.section,
          ]);
          review.recognised.push(
            `排名档次：${t.publisher}《${t.document}》，${t.tier} ${t.count} 个${t.indicators.length > 0 ? `（${t.indicators.join('、')}）` : ''}（来源章节 #${paragraph.section}）`,
          );
        }
      }
    }
  }
  const progressHeaders = progressTable.columns.map((c) => c.header);
  const tierHeaders = rankingTiersTable.columns.map((c) => c.header);

  const frontmatter = [
    '---',
    `title: ${yamlString(`${series} 第${issue}期`)}`,
    `series: ${yamlString(series!)}`,
    `region: ${region}`,
    `issue: ${issue}`,
    `date: ${date}`,
    `issuer: ${yamlString(issuer!)}`,
    ...(submittedTo ? [`submittedTo: ${yamlString(submittedTo)}`] : []),
    ...(copiedTo ? [`copiedTo: ${yamlString(copiedTo)}`] : []),
    ...draftFrontmatter(review, '本期'),
    '---',
    '',
  ];
  const files: ImportedFile[] = [
    { path: `briefings/${id}.mdx`, text: `${frontmatter.join('\n')}\n${converted.mdx}` },
    ...(progressRows.length > 0 || (sameIssue && input.force)
      ? [
          {
            path: 'tables/progress.csv',
            text: withRows(
              input.progressCsv,
              progressHeaders,
              progressRows.map((row) => progressHeaders.map((h) => row[h] ?? '')),
              sameIssue ? { column: '来源简报', value: id } : undefined,
            ),
          },
        ]
      : []),
    ...(tierRows.length > 0 || (sameIssue && input.force)
      ? [
          {
            path: 'tables/ranking-tiers.csv',
            text: withRows(input.rankingTiersCsv, tierHeaders, tierRows, sameIssue ? { column: '来源简报', value: id } : undefined),
          },
        ]
      : []),
    ...content.images.map((image) => ({ path: `${imageFolder}/${image.name}`, bytes: image.bytes })),
  ];
  const written = [
    `content/briefings/${id}.mdx（草稿，${converted.headings.length} 个标题，${converted.tables} 个表格）`,
    ...(progressRows.length > 0 ? [`content/tables/progress.csv：新增 ${progressRows.length} 行进展数字`] : []),
    ...(tierRows.length > 0 ? [`content/tables/ranking-tiers.csv：新增 ${tierRows.length} 行排名档次`] : []),
    ...(content.images.length > 0 ? [`content/${imageFolder}/：${content.images.length} 张图片`] : []),
  ];
  const appended = [
    ...(progressRows.length > 0 ? [{ path: 'tables/progress.csv', rows: progressRows }] : []),
    ...(tierRows.length > 0
      ? [{ path: 'tables/ranking-tiers.csv', rows: tierRows.map((row) => Object.fromEntries(tierHeaders.map((h, i) => [h, row[i]!]))) }]
      : []),
  ];
  return { ok: true, id, files, review, written, appended, figuresToPlace };
}

/** A tracker figure's values as progress.csv columns, only those it has. */
function progressValues(figure: UnmatchedFigure['read'] & object): Record<string, string> {
  const values: [string, string | number | undefined][] = [
    ['跟踪事项', figure.tracker],
    ['截至日期', figure.asOf],
    ['总数', figure.total],
    ['已完成', figure.completed],
    ['正在推进', figure.inProgress],
    ['未完成', figure.notCompleted],
    ['长期坚持', figure.longTerm],
    ['公布完成率', figure.publishedRateText],
  ];
  return Object.fromEntries(values.filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
}
