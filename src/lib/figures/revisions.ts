/**
 * When a later briefing publishes figures for the same tracker and the same
 * as-of date as an earlier one, the later figures revise the earlier. Both
 * stay published; this works out which revises which.
 */

export interface DatedSnapshot {
  id: string;
  region: string;
  tracker: string;
  asOf: string;
  /** Publication date of the briefing that carried the figures. */
  publishedOn: string;
}

export interface RevisionLinks {
  /** The earlier snapshot this one replaces. */
  revises?: string;
  /** The later snapshot that replaces this one. */
  revisedBy?: string;
}

export function revisionLinks(snapshots: readonly DatedSnapshot[]): Map<string, RevisionLinks> {
  const links = new Map<string, RevisionLinks>(snapshots.map((s) => [s.id, {}]));
  const groups = new Map<string, DatedSnapshot[]>();
  for (const snapshot of snapshots) {
    const key = `${snapshot.region}\u0000${snapshot.tracker}\u0000${snapshot.asOf}`;
    groups.set(key, [...(groups.get(key) ?? []), snapshot]);
  }
  for (const group of groups.values()) {
    const ordered = [...group].sort((a, b) => a.publishedOn.localeCompare(b.publishedOn) || a.id.localeCompare(b.id));
    ordered.forEach((snapshot, i) => {
      if (i > 0) links.get(snapshot.id)!.revises = ordered[i - 1]!.id;
      if (i < ordered.length - 1) links.get(snapshot.id)!.revisedBy = ordered[i + 1]!.id;
    });
  }
  return links;
}

/** The current figure for each as-of date: the latest revision only. */
export function currentSnapshots<T extends DatedSnapshot>(snapshots: readonly T[]): T[] {
  const links = revisionLinks(snapshots);
  return snapshots.filter((s) => !links.get(s.id)?.revisedBy);
}

/** Of one tracker's snapshots, each region's most recent current figure (latest as-of date, latest revision). */
export function latestSnapshotByRegion<T extends DatedSnapshot>(snapshots: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const snapshot of currentSnapshots(snapshots)) {
    const known = latest.get(snapshot.region);
    if (!known || snapshot.asOf > known.asOf) latest.set(snapshot.region, snapshot);
  }
  return [...latest.values()];
}
