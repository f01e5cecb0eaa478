/**
 * Completion rate in percent, rounded to one decimal as the briefings print
 * rates (83 of 105 → 79.0). Returns undefined when there is nothing to divide by.
 */
export function completionRate(completed: number, total: number): number | undefined {
  if (!(total > 0)) return undefined;
  return Math.round((completed / total) * 1000) / 10;
}

export interface TrackerCounts {
  total: number;
  completed?: number;
  inProgress?: number;
  notCompleted?: number;
  longTerm?: number;
}

/** Sum of the parts that were published; missing parts count as zero. */
export function sumOfParts(counts: TrackerCounts): number {
  return (counts.completed ?? 0) + (counts.inProgress ?? 0) + (counts.notCompleted ?? 0) + (counts.longTerm ?? 0);
}
