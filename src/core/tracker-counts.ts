/**
 * A tracked list's counts as a briefing publishes them. Kept below both the
 * schemas (which check that the parts add up) and the figure logic in lib/.
 */

export interface TrackerCounts {
  total: number;
  completed?: number | undefined;
  inProgress?: number | undefined;
  notCompleted?: number | undefined;
  longTerm?: number | undefined;
}

/** The parts of a count, in the order briefings print them and charts stack them. */
export const PROGRESS_PARTS = [
  { key: 'completed', label: '已完成' },
  { key: 'inProgress', label: '正在推进' },
  { key: 'notCompleted', label: '未完成' },
  { key: 'longTerm', label: '长期坚持' },
] as const;

/** Sum of the parts that were published; missing parts count as zero. */
export function sumOfParts(counts: TrackerCounts): number {
  return (counts.completed ?? 0) + (counts.inProgress ?? 0) + (counts.notCompleted ?? 0) + (counts.longTerm ?? 0);
}
