/**
 * What the search page tells a reader besides the results: how many were
 * found, what was searched instead of the query as typed, and which
 * corrections it suggests. Pure.
 */
import type { QueryPlan } from './query-understanding.ts';
import type { Correction } from './typo-corrections.ts';

export interface SearchExplanation {
  /** A line saying how the query was searched, when not as typed; undefined when it was. */
  searchedAs?: string;
  /** Corrected queries to offer as 您是不是要找. */
  suggestions: string[];
  /** Whether to offer browsing by indicator, region and document: the query was not found as typed. */
  offerBrowsing: boolean;
  /** Latin read as pinyin: 按拼音 zwfw 查找：政务服务, and the query with each other reading put in, to offer. */
  pinyin: { line: string; others: string[] }[];
}

const quoted = (terms: readonly string[]) => terms.map((t) => `“${t}”`).join('');

export interface PinyinExplained {
  typed: string;
  readAs: readonly string[];
  others: readonly (readonly string[])[];
}

export function explainSearch(
  query: string,
  response: { exact: boolean; total: number; plan: QueryPlan; suggestions: readonly Correction[]; pinyin?: readonly PinyinExplained[] },
): SearchExplanation {
  const { plan } = response;
  const pinyin = (response.pinyin ?? []).map((p) => ({
    line: `按拼音 ${p.typed.trim()} 查找：${p.readAs.join(' ')}`,
    // The query as typed may be in capitals or full-width letters; the run was found in its folded form.
    others: p.others.map((words) =>
      query
        .normalize('NFKC')
        .replace(new RegExp(p.typed.trim().replace(/[^a-z]+/gi, "[\\s']*"), 'i'), words.join(' '))
        .trim(),
    ),
  }));
  const parts: string[] = [];
  if (!response.exact && response.total > 0) {
    const words = plan.words.length > 0 ? plan.words : plan.phrases;
    parts.push(`没有找到完整包含“${query.trim()}”的内容，下面是包含${quoted(words)}等词的相近结果`);
  }
  const others = [...plan.words, ...plan.phrases]
    .filter((term, i, all) => all.indexOf(term) === i)
    .flatMap((term) =>
      [...(plan.names[term] ? [plan.names[term]] : []), ...(plan.alternatives[term] ?? [])].map((other) => ({ term, other })),
    )
    .filter(({ other }) => !response.suggestions.some((s) => s.to === other));
  if (others.length > 0) parts.push(`同时搜索了${others.map(({ term, other }) => `“${other}”（${term}）`).join('、')}`);
  const related = Object.entries(plan.related ?? {}).filter(([term]) => [...plan.words, ...plan.phrases].includes(term));
  if (related.length > 0)
    parts.push(`还搜索了意思相近的${related.map(([term, others]) => `${quoted(others)}（${term}）`).join('、')}，排在后面`);
  if (plan.characters?.length) parts.push(`找不到的词按单字${quoted(plan.characters)}查找，排在最后`);
  if (plan.regions.length > 0 && plan.words.some((w) => !plan.regions.includes(w))) parts.push(`${plan.regions.join('、')}的内容排在前面`);
  if (plan.dropped.length > 0) parts.push(`已略去${quoted([...new Set(plan.dropped)])}`);
  const searchedAs = parts.length > 0 ? `${parts.join('；')}。` : undefined;
  return {
    searchedAs,
    // The query as searched, each correction put in: 青山湖纳税事件 → 青山湖区 纳税时间.
    suggestions: [
      ...new Set(response.suggestions.map((s) => [...plan.regions, ...plan.phrases.map((p) => p.split(s.from).join(s.to))].join(' '))),
    ],
    offerBrowsing: !response.exact || searchedAs !== undefined || response.suggestions.length > 0,
    pinyin,
  };
}

/**
 * The status line, announced to screen readers. A count is an estimate (约) when only the best-placed
 * candidates were read; narrowing is suggested only when the query was found as typed, since adding
 * words to a query found nowhere whole only takes it further from the text.
 */
export function searchStatus(
  query: string,
  response: { exact: boolean; complete: boolean; total: number; hits: readonly unknown[] },
): string {
  const shown = response.hits.length;
  const asked = `“${query}”`;
  if (shown === 0) return `没有找到与${asked}相关的内容。可以换一个词、减少筛选条件，或从下面的目录浏览。`;
  if (response.complete)
    return `找到与${asked}相关的 ${response.total} 条结果${response.total > shown ? `，显示最相关的 ${shown} 条` : ''}。`;
  if (!response.exact) return `找到与${asked}相关的约 ${response.total} 条相近结果，显示最接近的 ${shown} 条。`;
  return `找到与${asked}相关的约 ${response.total} 条结果，显示其中 ${shown} 条。结果较多，可加词或用上面的筛选缩小范围。`;
}
