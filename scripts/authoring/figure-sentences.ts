/**
 * The figures a briefing states in its sentences, as the datasets hold them:
 * a tracker's counts ("清单105项，截止8月31日，已完成96项，未完成3项，正在
 * 推进6项，完成率97.1%") and an indicator ranking ("排名靠前的指标有政务服务、
 * 执行合同等2个"). Each is matched to a known tracker or indicator by name or
 * alias; a sentence that looks like a figure but cannot be matched with
 * certainty is returned as unmatched, never guessed. Pure.
 */
import { isoDateFromParts, isRealDate } from '../../src/core/dates.ts';
import { indicatorByName, type IndicatorLike } from '../../src/lib/catalog.ts';

export interface TrackerName {
  id: string;
  name: string;
  aliases: readonly string[];
}

export interface TrackerFigure {
  tracker: string;
  /** ISO date; `asOfText` is how the sentence wrote it. */
  asOf: string;
  asOfText: string;
  total: number;
  completed: number;
  inProgress?: number;
  notCompleted?: number;
  longTerm?: number;
  publishedRate?: number;
  /** The rate's digits as written (`64.0`), for the dataset cell. */
  publishedRateText?: string;
  quote: string;
}

export interface TierFigure {
  tier: '靠前' | '中等' | '靠后';
  count: number;
  indicators: string[];
  publishedOn: string;
  publisher: string;
  document: string;
  quote: string;
}

export interface UnmatchedFigure {
  quote: string;
  reason: string;
  /** What a tracker sentence did state, for a person to complete; nothing in it is inferred. */
  read?: Partial<Omit<TrackerFigure, 'quote' | 'publishedRate'>>;
}

/** Sentences of a paragraph, each with its closing 。 (a lead such as 对标提升事项进展： stays with the first). */
export function sentencesOf(text: string): string[] {
  return (
    text
      .match(/[^。！？]+[。！？]?/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? []
  );
}

/** `7月31日` (the year taken from the briefing, the year before when the month is later) or `2023年7月31日` → ISO. */
export function dateAsWritten(text: string, briefingDate: string): string | undefined {
  const match = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/.exec(text);
  if (!match) return undefined;
  const briefingYear = Number(briefingDate.slice(0, 4));
  const month = Number(match[2]);
  const day = Number(match[3]);
  const year = match[1] ? Number(match[1]) : month > Number(briefingDate.slice(5, 7)) ? briefingYear - 1 : briefingYear;
  if (!isRealDate(year, month, day)) return undefined;
  return isoDateFromParts(year, month, day);
}

const number = (re: RegExp, text: string): number | undefined => {
  const m = re.exec(text);
  return m ? Number(m[1]) : undefined;
};

/** Which trackers a text names; longer names win over names they contain. */
function trackersNamed(text: string, trackers: readonly TrackerName[]): TrackerName[] {
  const hits = trackers
    .map((t) => ({ tracker: t, term: [t.name, ...t.aliases].filter((n) => n && text.includes(n)).sort((a, b) => b.length - a.length)[0] }))
    .filter((h): h is { tracker: TrackerName; term: string } => h.term !== undefined);
  return hits.filter((h) => !hits.some((o) => o !== h && o.term.length > h.term.length && o.term.includes(h.term))).map((h) => h.tracker);
}

/** Full-width digits, point and percent sign as ASCII, and spaces dropped, so `有 ９３ 项` reads as `有93项`; the quote keeps the sentence as written. */
function figureText(sentence: string): string {
  return sentence.replace(/[\uFF10-\uFF19\uFF0E\uFF05]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
}

const AS_OF = /(?:截止|截至)(?:到|至|目前)?((?:\d{4}年)?\d{1,2}月\d{1,2}日)/;
/** What may stand between a part's label and its count: 的事项有, 事项, 的有, 为. */
const PART_TAIL = '(?:的?事项|的)?(?:有|为|共)?(\\d+)项';
/** 已完成 / 完成 / 已取得阶段性成效, but not 未完成, 基本完成, 待完成 or 完成回访. */
const COMPLETED = new RegExp(`(?:(?<![未待需应要尚基本])完成|已取得阶段性成效)${PART_TAIL}`);
const IN_PROGRESS = new RegExp(`(?:正在推进|持续推进|推进中)${PART_TAIL}`);
const NOT_COMPLETED = new RegExp(`未完成(?:阶段任务)?${PART_TAIL}`);
const LONG_TERM = new RegExp(`长期坚持${PART_TAIL}`);
const RATE = /完成率(?:为|达到?|是)?(\d+(?:\.\d+)?)%/;

/**
 * The total: the last `N项` written before the first part (and before the
 * date when the date follows it), in a clause that is neither a subset
 * (其中…) nor a count of something done (已办结10项).
 */
function totalOf(text: string, partsStart: number, asOfStart: number | undefined): number | undefined {
  const end =
    asOfStart !== undefined && asOfStart > 0 && /\d+项/.test(text.slice(0, asOfStart)) ? Math.min(asOfStart, partsStart) : partsStart;
  const counts = text
    .slice(0, end)
    .split(/[，,；;：:]/)
    .filter((clause) => !clause.includes('已') && !clause.startsWith('其中'))
    .flatMap((clause) => [...clause.matchAll(/(\d+)项/g)].map((m) => Number(m[1])));
  return counts.at(-1);
}

/**
 * A sentence with a completed, in-progress, not-completed or long-term count,
 * or a completion rate, is a tracker figure. It is recognised when it has a
 * total, a completed count and an as-of date and names exactly one known
 * tracker; otherwise it is unmatched, with the reason and what it did state.
 */
export function trackerFigure(
  sentence: string,
  briefingDate: string,
  trackers: readonly TrackerName[],
): TrackerFigure | UnmatchedFigure | undefined {
  const text = figureText(sentence);
  const parts = [COMPLETED, IN_PROGRESS, NOT_COMPLETED, LONG_TERM, RATE].map((re) => re.exec(text));
  if (parts.every((m) => m === null) && !/已完成|阶段性成效|完成率/.test(text)) return undefined;
  const [completedMatch, inProgressMatch, notCompletedMatch, longTermMatch, rateMatch] = parts;
  const count = (m: RegExpExecArray | null) => (m ? Number(m[1]) : undefined);
  const completed = count(completedMatch!);
  const inProgress = count(inProgressMatch!);
  const notCompleted = count(notCompletedMatch!);
  const longTerm = count(longTermMatch!);
  const rateText = rateMatch?.[1];
  const asOfMatch = AS_OF.exec(text);
  const firstLabel = text.search(/已完成|(?<![未待需应要尚基本])完成|阶段性成效|正在推进|持续推进|推进中|长期坚持/);
  const total = totalOf(text, firstLabel === -1 ? text.length : firstLabel, asOfMatch?.index);
  const asOf = asOfMatch ? dateAsWritten(asOfMatch[1]!, briefingDate) : undefined;
  const named = trackersNamed(text, trackers);
  const read: UnmatchedFigure['read'] = {
    ...(named.length === 1 ? { tracker: named[0]!.id } : {}),
    ...(asOf ? { asOf, asOfText: asOfMatch![1]! } : {}),
    ...(total !== undefined ? { total } : {}),
    ...(completed !== undefined ? { completed } : {}),
    ...(inProgress !== undefined ? { inProgress } : {}),
    ...(notCompleted !== undefined ? { notCompleted } : {}),
    ...(longTerm !== undefined ? { longTerm } : {}),
    ...(rateText !== undefined ? { publishedRateText: rateText } : {}),
  };
  const missing = [total === undefined && '总数', completed === undefined && '已完成数', !asOf && '截止日期'].filter(Boolean);
  if (missing.length > 0) return { quote: sentence, reason: `看起来是进展数字，但没有找到${missing.join('、')}`, read };
  if (named.length !== 1)
    return {
      quote: sentence,
      read,
      reason:
        named.length === 0
          ? '没有对应的跟踪事项（在 content/tables/trackers.csv 中登记这一清单，或把句中的叫法加为已有清单的别名后重新导入）'
          : `同时提到了多个跟踪事项（${named.map((t) => t.name).join('、')}），无法确定是哪一个`,
    };
  return {
    tracker: named[0]!.id,
    asOf: asOf!,
    asOfText: asOfMatch![1]!,
    total: total!,
    completed: completed!,
    ...(inProgress !== undefined ? { inProgress } : {}),
    ...(notCompleted !== undefined ? { notCompleted } : {}),
    ...(longTerm !== undefined ? { longTerm } : {}),
    ...(rateText !== undefined ? { publishedRate: Number(rateText), publishedRateText: rateText } : {}),
    quote: sentence,
  };
}

const TIERS: { tier: TierFigure['tier']; pattern: RegExp }[] = [
  { tier: '靠前', pattern: /靠前/ },
  { tier: '中等', pattern: /中等|中游/ },
  { tier: '靠后', pattern: /靠后|落后/ },
];

/**
 * A sentence reporting how many indicators rank 靠前, 中等 and 靠后 in a
 * published notice. Each tier's indicator names must all be known
 * indicators (or aliases); a tier naming one that is not is unmatched.
 */
export function tierFigures(
  sentence: string,
  briefingDate: string,
  indicators: readonly IndicatorLike[],
): (TierFigure | UnmatchedFigure)[] {
  if (!/排名/.test(sentence) || !TIERS.some((t) => t.pattern.test(sentence)) || !/\d+\s*个/.test(sentence)) return [];
  const published = /((?:\d{4}年)?\d{1,2}月\d{1,2}日)[，,]?([^，,：:]+?)(?:发布|印发|下发)《([^》]+)》/.exec(sentence);
  const publishedOn = published ? dateAsWritten(published[1]!, briefingDate) : undefined;
  if (!published || !publishedOn) return [{ quote: sentence, reason: '看起来是指标排名档次，但没有找到通报的日期、发布方和名称' }];
  const byName = (name: string) => indicatorByName(name, indicators);
  const results: (TierFigure | UnmatchedFigure)[] = [];
  for (const clause of sentence.slice(published.index + published[0].length).split(/[，；,;]/)) {
    const tier = TIERS.find((t) => t.pattern.test(clause));
    const count = number(/(\d+)\s*个/, clause);
    if (!tier || count === undefined || !/排名|水平/.test(clause)) continue;
    const listed = /(?:有)?([^，；有]+?)等\s*\d+\s*个/.exec(clause.replace(/^.*?指标有/, '有'));
    const names = listed
      ? listed[1]!
          .replace(/^(?:我市|我区|我县|本市)?(?:排名)?(?:靠前|中等|靠后)?的?指标有/, '')
          .split('、')
          .map((n) => n.trim())
          .filter(Boolean)
      : [];
    const unknown = names.filter((n) => !byName(n));
    if (unknown.length > 0) {
      results.push({
        quote: sentence,
        reason: `${tier.tier}档次的指标“${unknown.join('、')}”不是已登记的指标名称或别名（见 content/tables/indicators.csv）`,
      });
      continue;
    }
    if (names.length > 0 && names.length !== count) {
      results.push({ quote: sentence, reason: `${tier.tier}档次写了 ${count} 个指标，列出的名称有 ${names.length} 个` });
      continue;
    }
    results.push({
      tier: tier.tier,
      count,
      indicators: names.map((n) => byName(n)!.id),
      publishedOn,
      publisher: published[2]!.trim(),
      document: published[3]!,
      quote: sentence,
    });
  }
  return results;
}

export const isUnmatched = (figure: object): figure is UnmatchedFigure => 'reason' in figure;
