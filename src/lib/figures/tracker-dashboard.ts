/**
 * Where each tracked list stands, as the statistics dashboard shows it: for
 * one region and one tracker, the latest current figures, the change since
 * the previous as-of date, and the rate over every as-of date. A figure a
 * later briefing revised is replaced by its revision everywhere here (both
 * stay published on the briefing pages); the card says when a figure it uses
 * is a revision. Pure: it takes rows and the build's revision links.
 */
import { PROGRESS_PARTS, type TrackerCounts } from '../../core/tracker-counts.ts';
import { checkPublishedRate, type RateCheck } from './rates.ts';
import type { DatedSnapshot, RevisionLinks } from './revisions.ts';

export interface DashboardRow extends DatedSnapshot, TrackerCounts {
  completed: number;
  publishedRate?: number | undefined;
  briefing: string;
  section: string;
}

export type CountKey = 'total' | (typeof PROGRESS_PARTS)[number]['key'];

export interface PartChange {
  key: CountKey;
  label: string;
  /** Latest minus previous; only parts both snapshots published. */
  delta: number;
}

export interface TrendPoint {
  asOf: string;
  /** The rate as published, or the computed one where none was published. */
  rate: number | undefined;
  /** True when `rate` is the site's computation, not a published figure. */
  computed: boolean;
}

export interface TrackerCard<R extends DashboardRow = DashboardRow> {
  region: string;
  tracker: string;
  latest: R;
  /** The published rate beside the site's computation. */
  check: RateCheck;
  /** The current figures of the as-of date before the latest, if any. */
  previous?: R;
  changes: PartChange[];
  /** Change of the rate in percentage points, to one decimal; undefined without two rates. */
  rateChange?: number;
  /** Figures the card uses that revise earlier published ones: the row in force and the earlier row it revises. */
  revised: { row: R; revises: R }[];
  /** The rate at every as-of date, oldest first. */
  trend: TrendPoint[];
}

/** The rate a card shows for a snapshot: published if there is one, else computed. */
export function shownRate(row: TrackerCounts & { completed: number; publishedRate?: number | undefined }): {
  rate: number | undefined;
  computed: boolean;
} {
  if (row.publishedRate !== undefined) return { rate: row.publishedRate, computed: false };
  return { rate: checkPublishedRate(row, undefined).computed, computed: true };
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * One card per region and tracker that has figures. `revision` gives the
 * build's revision links (computed once for the published view); rows a later
 * briefing revised are left out. Cards come in the order of `regionOrder`,
 * then `trackerOrder`.
 */
export function trackerCards<R extends DashboardRow>(
  rows: readonly R[],
  revision: (id: string) => RevisionLinks | undefined,
  order: { region: (id: string) => string; tracker: (id: string) => string } = { region: (id) => id, tracker: (id) => id },
): TrackerCard<R>[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    if (revision(row.id)?.revisedBy) continue;
    const key = `${row.region}\u0000${row.tracker}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const cards = [...groups.values()].map((group) => cardOf(group, revision, byId));
  return cards.sort(
    (a, b) =>
      order.region(a.region).localeCompare(order.region(b.region), 'zh-CN') ||
      order.tracker(a.tracker).localeCompare(order.tracker(b.tracker), 'zh-CN'),
  );
}

function cardOf<R extends DashboardRow>(
  current: R[],
  revision: (id: string) => RevisionLinks | undefined,
  byId: Map<string, R>,
): TrackerCard<R> {
  // One current row per as-of date; if a briefing published two for one date anyway, the later publication wins.
  const byDate = new Map<string, R>();
  for (const row of [...current].sort((a, b) => a.publishedOn.localeCompare(b.publishedOn) || a.id.localeCompare(b.id)))
    byDate.set(row.asOf, row);
  const ordered = [...byDate.values()].sort((a, b) => a.asOf.localeCompare(b.asOf));
  const latest = ordered.at(-1)!;
  const previous = ordered.at(-2);
  const changes: PartChange[] = [];
  let rateChange: number | undefined;
  if (previous) {
    for (const { key, label } of [{ key: 'total', label: '总数' } as const, ...PROGRESS_PARTS]) {
      const now = latest[key];
      const before = previous[key];
      if (now !== undefined && before !== undefined) changes.push({ key, label, delta: now - before });
    }
    const now = shownRate(latest).rate;
    const before = shownRate(previous).rate;
    if (now !== undefined && before !== undefined) rateChange = round1(now - before);
  }
  const revised = [previous, latest].flatMap((row) => {
    const revises = row ? byId.get(revision(row.id)?.revises ?? '') : undefined;
    return row && revises ? [{ row, revises }] : [];
  });
  return {
    region: latest.region,
    tracker: latest.tracker,
    latest,
    check: checkPublishedRate(latest, latest.publishedRate),
    ...(previous ? { previous } : {}),
    changes,
    ...(rateChange !== undefined ? { rateChange } : {}),
    revised,
    trend: ordered.map((row) => ({ asOf: row.asOf, ...shownRate(row) })),
  };
}

/** A count change as the card prints it: +13, −2, ±0. */
export function formatDelta(delta: number): string {
  if (delta === 0) return '±0';
  return delta > 0 ? `+${delta}` : `−${Math.abs(delta)}`;
}

/** A rate change in percentage points: +7.6 个百分点, −2.0 个百分点, 持平. */
export function formatPointChange(points: number): string {
  if (points === 0) return '持平';
  return `${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)} 个百分点`;
}

export interface TrendLine {
  width: number;
  height: number;
  /** The polyline's points, as SVG writes them: "x,y x,y". */
  points: string;
  /** Where each rate is drawn, oldest first; undefined rates are skipped. */
  dots: { x: number; y: number; rate: number; asOf: string }[];
}

/**
 * A small trend line of rates on a fixed 0–100% scale, so two cards compare
 * at a glance: x spreads the as-of dates evenly, y runs from 100% at the top.
 */
export function trendLine(trend: readonly TrendPoint[], width = 120, height = 32, pad = 3): TrendLine {
  const span = Math.max(trend.length - 1, 1);
  const dots = trend.flatMap((point, i) => {
    if (point.rate === undefined) return [];
    const x = trend.length === 1 ? width / 2 : pad + ((width - 2 * pad) * i) / span;
    const y = pad + (height - 2 * pad) * (1 - Math.min(Math.max(point.rate, 0), 100) / 100);
    return [{ x: round1(x), y: round1(y), rate: point.rate, asOf: point.asOf }];
  });
  return { width, height, points: dots.map((d) => `${d.x},${d.y}`).join(' '), dots };
}

export interface RateSpread {
  /** Buckets of ten points: 0–10%, 10–20% … 90–100%. */
  buckets: { from: number; to: number; count: number }[];
  lowest?: number;
  highest?: number;
  median?: number;
}

/** How the latest rates of many regions spread, in buckets of ten percentage points (100% goes in the last). */
export function rateSpread(rates: readonly number[]): RateSpread {
  const buckets = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: (i + 1) * 10, count: 0 }));
  for (const rate of rates) buckets[Math.min(9, Math.max(0, Math.floor(rate / 10)))]!.count++;
  if (rates.length === 0) return { buckets };
  const sorted = [...rates].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : round1((sorted[mid - 1]! + sorted[mid]!) / 2);
  return { buckets, lowest: sorted[0]!, highest: sorted.at(-1)!, median };
}

/**
 * The home page's headline figures: for each tracker (in `trackerOrder`), the
 * card with the most recent as-of date (ties go to the first card given),
 * and how many regions report the tracker.
 */
export function headlineCards<C extends Pick<TrackerCard, 'tracker' | 'latest'>>(
  cards: readonly C[],
  trackerOrder: readonly string[],
): { card: C; regions: number }[] {
  return trackerOrder.flatMap((tracker) => {
    const of = cards.filter((c) => c.tracker === tracker);
    const card = of.reduce<C | undefined>((best, c) => (!best || c.latest.asOf > best.latest.asOf ? c : best), undefined);
    return card ? [{ card, regions: of.length }] : [];
  });
}
