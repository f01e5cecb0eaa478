/**
 * What the statistics pages show: one card per region and tracked list with
 * its latest figures (lib/figures/tracker-dashboard.ts), the regions in name
 * order split into dashboard pages, and what each region published besides
 * (ranking tiers, weights). Built once per state of the content.
 */
import { grouped, lookup, type PublishedProgressRow } from './site-content.ts';
import { oncePerContent } from '../loaders/content-files.ts';
import { groupBy } from '../lib/catalog.ts';
import { trackerCards, type TrackerCard } from '../lib/figures/tracker-dashboard.ts';
import { pageGroups } from '../lib/pagination.ts';

export type StatisticsCard = TrackerCard<PublishedProgressRow>;

export interface RegionStatistics {
  region: string;
  cards: StatisticsCard[];
  tiers: number;
  weights: number;
  latest: string | undefined;
}

/**
 * Cards on one page of the dashboard. A card with its citation is about
 * 3.5 KB of HTML: at province scale a first page of 18 measured 98 KB with
 * the summary and comparisons, so 15 leaves room.
 */
export const STATISTICS_CARDS_PER_PAGE = 15;

export const statisticsRegions = oncePerContent(async (): Promise<RegionStatistics[]> => {
  const [byKey, { regionName, trackers }] = await Promise.all([grouped(), lookup()]);
  const trackerOrder = new Map([...trackers.keys()].map((id, i) => [id, String(i).padStart(4, '0')]));
  const cards = trackerCards([...byKey.progressByRegion.values()].flat(), (id) => byKey.revisions.get(id), {
    region: regionName,
    tracker: (id) => trackerOrder.get(id) ?? id,
  });
  const cardsByRegion = groupBy(cards, (c) => c.region);
  const regions = new Set([...byKey.progressByRegion.keys(), ...byKey.tiersByRegion.keys(), ...byKey.weightsByRegion.keys()]);
  return [...regions]
    .map((region) => ({
      region,
      cards: cardsByRegion.get(region) ?? [],
      tiers: (byKey.tiersByRegion.get(region) ?? []).length,
      weights: (byKey.weightsByRegion.get(region) ?? []).length,
      latest: (byKey.progressByRegion.get(region) ?? [])
        .map((p) => p.publishedOn)
        .sort()
        .at(-1),
    }))
    .sort((a, b) => regionName(a.region).localeCompare(regionName(b.region), 'zh-CN'));
});

/** The dashboard's pages (routes.statisticsPage): whole regions with cards, in name order, up to STATISTICS_CARDS_PER_PAGE cards a page. */
export const statisticsPages = oncePerContent(async () => {
  // Regions with figures of tracked lists only; the others (ranking tiers or weights alone) are listed on the first page.
  const groups = pageGroups(
    (await statisticsRegions()).filter((r) => r.cards.length > 0),
    (r) => r.cards.length,
    STATISTICS_CARDS_PER_PAGE,
  );
  return groups.map((regions, i) => ({ page: i + 1, last: groups.length, regions }));
});
