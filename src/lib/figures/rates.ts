/**
 * Completion rates and how a published rate relates to the counts beside it.
 * The site computes every rate from the counts with one declared formula
 * (completed ÷ total) and shows it next to the rate as published; when they
 * differ, it says which other formula, if any, gives the published figure.
 */
import type { TrackerCounts } from '../../core/tracker-counts.ts';

/** Percent to one decimal, as the briefings print rates (83 of 105 → 79.0). Undefined without a total. */
export function percentOf(part: number, total: number): number | undefined {
  if (!(total > 0)) return undefined;
  return Math.round((part / total) * 1000) / 10;
}

/** A rate the site computed, always with one decimal (79 → 79.0). Published rates are shown as published. */
export function formatPercent(value: number | undefined): string {
  return value === undefined ? '—' : `${value.toFixed(1)}%`;
}

/** The site's declared completion rate: completed ÷ total. */
export function completionRate(completed: number, total: number): number | undefined {
  return percentOf(completed, total);
}

export interface RateFormula {
  id: string;
  /** How the formula reads in Chinese, e.g. （已完成 + 正在推进）÷ 总数. */
  label: string;
  numerator: (counts: TrackerCounts) => number | undefined;
}

/** Candidate readings of a published rate, the declared one first. */
export const RATE_FORMULAS: readonly RateFormula[] = [
  { id: 'completed', label: '已完成 ÷ 总数', numerator: (c) => c.completed },
  {
    id: 'completed-and-in-progress',
    label: '（已完成 + 正在推进）÷ 总数',
    numerator: (c) => (c.completed === undefined || c.inProgress === undefined ? undefined : c.completed + c.inProgress),
  },
  {
    id: 'all-but-not-completed',
    label: '（总数 − 未完成）÷ 总数',
    numerator: (c) => (c.notCompleted === undefined ? undefined : c.total - c.notCompleted),
  },
  {
    id: 'completed-and-long-term',
    label: '（已完成 + 长期坚持）÷ 总数',
    numerator: (c) => (c.completed === undefined || c.longTerm === undefined ? undefined : c.completed + c.longTerm),
  },
];

export interface RateCheck {
  /** The rate by the declared formula. */
  computed: number | undefined;
  published: number | undefined;
  /** True when the published rate equals the declared one at one decimal, or nothing was published. */
  agrees: boolean;
  /** Every candidate formula that reproduces the published rate at one decimal. */
  matching: RateFormula[];
}

export function checkPublishedRate(counts: TrackerCounts, published: number | undefined): RateCheck {
  const computed = counts.completed === undefined ? undefined : completionRate(counts.completed, counts.total);
  if (published === undefined) return { computed, published, agrees: true, matching: [] };
  const matching = RATE_FORMULAS.filter((formula) => {
    const numerator = formula.numerator(counts);
    return numerator !== undefined && percentOf(numerator, counts.total) === published;
  });
  return { computed, published, agrees: computed === published, matching };
}

/** One sentence for readers explaining a disagreement, or undefined when there is none. */
export function describeDisagreement(check: RateCheck): string | undefined {
  if (check.agrees || check.published === undefined) return undefined;
  const declared = `按“${RATE_FORMULAS[0]!.label}”计算为 ${formatPercent(check.computed)}`;
  const others = check.matching.filter((f) => f.id !== 'completed');
  const match =
    others.length > 0
      ? `公布的 ${check.published}% 与“${others.map((f) => f.label).join('”或“')}”的结果一致`
      : `公布的 ${check.published}% 与本站考察的各种算法都不一致`;
  return `公布的完成率与分项数字不一致：${declared}；${match}。本站照录公布数字，不作更改。`;
}
