/**
 * The arithmetic of build timings, apart from the clock: how long each phase
 * of a build took, and how a figure spread over several runs of a benchmark.
 */

/** A moment in a build: the phase that ended then, in milliseconds since the process started. */
export interface PhaseMark {
  phase: string;
  at: number;
}

export interface PhaseDuration {
  phase: string;
  seconds: number;
}

/** Each phase's length: from the previous mark (the first from the start of the process) to its own. */
export function phaseDurations(marks: readonly PhaseMark[]): PhaseDuration[] {
  return marks.map((mark, i) => ({ phase: mark.phase, seconds: (mark.at - (i === 0 ? 0 : marks[i - 1]!.at)) / 1000 }));
}

export interface Spread {
  min: number;
  median: number;
  max: number;
}

/** Smallest, middle and largest of a benchmark's runs; with an even count the median is the mean of the middle two. */
export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('spreadOf: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { min: sorted[0]!, median, max: sorted.at(-1)! };
}

/** A spread as the benchmarks print it: `median (fastest–slowest)`. */
export function spreadText(s: Spread, digits = 1): string {
  return `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

/** Each phase's spread over several builds, in the order of the first build's phases. */
export function phaseSpreads(builds: readonly (readonly PhaseDuration[])[]): { phase: string; spread: Spread }[] {
  const phases = builds[0]?.map((p) => p.phase) ?? [];
  return phases.map((phase) => ({ phase, spread: spreadOf(builds.map((b) => b.find((p) => p.phase === phase)?.seconds ?? 0)) }));
}

/** How many pages a `--changed` build left in place or copied from its cache rather than rendered, from its log. */
export function reusedPages(log: string): number {
  return log.match(/\((?:cached|restored)\)/g)?.length ?? 0;
}
