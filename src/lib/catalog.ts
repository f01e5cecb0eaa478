/** Pure helpers pages use to order and group content. */

/**
 * Items grouped by key (or keys: an item may join several groups), keeping
 * input order: one pass instead of a filter per group.
 */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K | readonly K[] | undefined): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const keys = key(item);
    if (keys === undefined) continue;
    for (const k of (Array.isArray(keys) ? keys : [keys]) as K[]) {
      const group = groups.get(k);
      if (group) group.push(item);
      else groups.set(k, [item]);
    }
  }
  return groups;
}

/** Newest first by an ISO date; ties broken by a stable second key. */
export function newestFirst<T>(items: readonly T[], date: (item: T) => string, tie: (item: T) => string): T[] {
  return [...items].sort((a, b) => date(b).localeCompare(date(a)) || tie(a).localeCompare(tie(b)));
}

export interface IndicatorLike {
  id: string;
  name: string;
  parent?: string | undefined;
  aliases: string[];
  order: number;
}

/** An indicator and its sub-dimensions, for gathering everything about it. */
export function indicatorFamily(id: string, indicators: readonly IndicatorLike[]): Set<string> {
  return new Set([id, ...indicators.filter((i) => i.parent === id).map((i) => i.id)]);
}

/** Which indicator a name used in a document means, by name or alias. */
export function indicatorByName(name: string, indicators: readonly IndicatorLike[]): IndicatorLike | undefined {
  const wanted = name.replace(/\s+/g, '');
  return indicators.find((i) => i.name === wanted || i.aliases.includes(wanted));
}
