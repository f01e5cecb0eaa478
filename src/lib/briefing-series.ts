/** A briefing's neighbours in its own series, by issue number: the previous and the next issue. */

export interface SeriesIssue {
  id: string;
  series: string;
  region: string;
  issue: number;
}

export function adjacentIssues<T extends SeriesIssue>(briefings: readonly T[], current: SeriesIssue): { previous?: T; next?: T } {
  const same = briefings.filter((b) => b.series === current.series && b.region === current.region && b.id !== current.id);
  const previous = same.filter((b) => b.issue < current.issue).sort((a, b) => b.issue - a.issue)[0];
  const next = same.filter((b) => b.issue > current.issue).sort((a, b) => a.issue - b.issue)[0];
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}
