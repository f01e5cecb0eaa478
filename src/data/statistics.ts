/**
 * What the statistics pages summarise: for each region with published
 * figures, how many there are and how many published rates disagree with
 * their own counts. Each region's figures are listed on a page of its own.
 */
import { grouped, lookup } from './site-content.ts';
import { oncePerContent } from '../loaders/content-files.ts';
import { checkPublishedRate } from '../lib/figures/rates.ts';

export interface RegionStatistics {
  region: string;
  progress: number;
  disagreements: number;
  tiers: number;
  weights: number;
  latest: string | undefined;
}

export const statisticsRegions = oncePerContent(async (): Promise<RegionStatistics[]> => {
  const [byKey, { regionName }] = await Promise.all([grouped(), lookup()]);
  const regions = new Set([...byKey.progressByRegion.keys(), ...byKey.tiersByRegion.keys(), ...byKey.weightsByRegion.keys()]);
  return [...regions]
    .map((region) => {
      const progress = byKey.progressByRegion.get(region) ?? [];
      return {
        region,
        progress: progress.length,
        disagreements: progress.filter((p) => p.publishedRate !== undefined && !checkPublishedRate(p, p.publishedRate).agrees).length,
        tiers: (byKey.tiersByRegion.get(region) ?? []).length,
        weights: (byKey.weightsByRegion.get(region) ?? []).length,
        latest: progress.map((p) => p.publishedOn).sort().at(-1),
      };
    })
    .sort((a, b) => regionName(a.region).localeCompare(regionName(b.region), 'zh-CN'));
});
