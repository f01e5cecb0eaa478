/**
 * Digests of the validated content, for `npm run build -- --changed`: a page
 * whose digest is the same as in the previous build is left in place instead
 * of being rendered again (Astro's incremental build, keyed by the `cacheKey`
 * of getStaticPaths). A digest must change whenever anything the page shows
 * changes; it may change more often, which only costs time.
 *
 * The content splits into what every page may read (the region, indicator and
 * tracker tables, synonyms, site settings: small, and rarely edited) and what
 * belongs to a region (its documents, progress figures, tiers, weights,
 * assignments, targets and task lists). A page about a region reads that
 * region's records and its ancestors' and descendants' (a city's policy
 * assigns its counties; a county's page names its city's briefings), so it is
 * keyed by that whole family. A region's digest also covers each document its
 * rows cite (its frontmatter and rendered body), whose title, issue and date
 * its pages print beside them, whichever region published the document.
 */
import { createHash } from 'node:crypto';
import type { ContentModel } from './content-model.ts';

export interface ContentDigests {
  /** Everything a page of any region may read. */
  shared: string;
  /** Each region's own records, and the documents they cite. */
  byRegion: ReadonlyMap<string, string>;
  /** Each region, its ancestors and its descendants. */
  families: ReadonlyMap<string, readonly string[]>;
}

/** JSON for Maps and Sets too, which JSON.stringify would write as `{}`, so that different ones never digest alike. */
const withCollections = (_key: string, value: unknown) =>
  value instanceof Map ? { '\u0000map': [...value] } : value instanceof Set ? { '\u0000set': [...value] } : value;

/**
 * A digest of any value the content model holds, Maps and Sets included.
 * Taken over JSON, whose text depends only on the values: V8's own
 * serialiser, though twice as fast, writes a string with one byte a character
 * or two depending on how V8 happens to hold it, so equal content gave
 * different keys from one build, or one test, to the next.
 */
export function digestOf(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value, withCollections)).digest('base64url');
}

/**
 * A digest of a text or a file's bytes, taken as they are: a rendered
 * document, a dataset's source. Cheaper than `digestOf`, which would write
 * them as JSON first (escaping every quote of 43 MB of HTML at province scale).
 */
export function digestOfText(text: string | Uint8Array): string {
  return createHash('sha1').update(text).digest('base64url');
}

/** A region, the regions above it and every region below it. */
function regionFamilies(regions: readonly { id: string; parent?: string | undefined }[]): Map<string, string[]> {
  const parentOf = new Map(regions.map((r) => [r.id, r.parent]));
  const ancestors = (id: string) => {
    const out: string[] = [];
    for (let p = parentOf.get(id); p && !out.includes(p); p = parentOf.get(p)) out.push(p);
    return out;
  };
  const families = new Map(regions.map((r) => [r.id, new Set([r.id, ...ancestors(r.id)])]));
  for (const r of regions) for (const above of ancestors(r.id)) families.get(above)?.add(r.id);
  return new Map([...families].map(([id, family]) => [id, [...family].sort()]));
}

/** The regions a row counts for: its own, and those of the documents that published or set it. */
function rowRegions(row: object, regionOfDocument: ReadonlyMap<string, string>): string[] {
  const { region, briefing, policy } = row as { region?: string; briefing?: string; policy?: string };
  const regions = [region, briefing && regionOfDocument.get(briefing), policy && regionOfDocument.get(policy)];
  return [...new Set(regions.filter((r): r is string => !!r))];
}

/**
 * What a page or download may print of each document its rows cite, by the
 * document's id: its frontmatter (title, issue, date) and its section
 * headings (held by its rendered body, whose digest `bodyDigest` gives).
 */
export function citationDigests(
  model: ContentModel,
  bodyDigest: (kind: 'policies' | 'briefings', id: string) => string,
): Map<string, string> {
  const cited = (kind: 'policies' | 'briefings') => (d: ContentModel[typeof kind][number]) =>
    [d.id, digestOf([d.data, bodyDigest(kind, d.id)])] as const;
  return new Map([...model.policies.map(cited('policies')), ...model.briefings.map(cited('briefings'))]);
}

/** The documents rows cite (their 来源政策 or 来源简报), sorted. */
export function citedDocuments(rows: readonly object[]): string[] {
  const ids = new Set<string>();
  for (const row of rows) {
    const { briefing, policy } = row as { briefing?: unknown; policy?: unknown };
    if (typeof briefing === 'string' && briefing) ids.add(briefing);
    if (typeof policy === 'string' && policy) ids.add(policy);
  }
  return [...ids].sort();
}

/**
 * Digests of a content model. `bodyDigest` gives the digest of a document's
 * rendered body, which the model does not hold. `textDigest`, when it knows
 * the digest of a file's text (the content gate's, loaders/file-reads.ts),
 * stands for a task list's rows: they are read from that file alone, and
 * digesting them as JSON took about 0.4 s of each publication at province
 * scale. Rows left out of the site's view because they cite a draft come and
 * go with the documents they cite, whose digests the regions' hold.
 */
export function contentDigests(
  model: ContentModel,
  bodyDigest: (kind: 'policies' | 'briefings', id: string) => string,
  sharedExtra: unknown = null,
  textDigest: (file: string) => string | undefined = () => undefined,
): ContentDigests {
  const regionOfDocument = new Map([...model.policies, ...model.briefings].map((d) => [d.id, d.data.region]));
  const parts = new Map<string, unknown[]>();
  const add = (region: string | undefined, record: unknown) => {
    if (!region) return;
    const list = parts.get(region) ?? [];
    list.push(record);
    parts.set(region, list);
  };
  // The documents each region's rows cite: pages print their titles, issues and dates, and a document may be another family's.
  const cited = new Map<string, Set<string>>();
  /** The regions a row counts for, noting the documents it cites under each. */
  const citingRegions = (row: object) => {
    const regions = rowRegions(row, regionOfDocument);
    for (const region of regions) {
      const ids = cited.get(region) ?? new Set<string>();
      for (const id of citedDocuments([row])) ids.add(id);
      cited.set(region, ids);
    }
    return regions;
  };
  for (const rows of [model.assignments, model.targets, model.progress, model.rankingTiers, model.evaluationWeights])
    for (const row of rows) for (const region of citingRegions(row.data)) add(region, row);
  for (const list of model.taskLists) {
    const regions = new Set(list.rows.flatMap((row) => citingRegions(row.data)));
    const rows = textDigest(list.file) ?? list.rows;
    for (const region of regions) add(region, { id: list.id, file: list.file, headers: list.headers, rows });
  }
  for (const [kind, documents] of [
    ['policies', model.policies],
    ['briefings', model.briefings],
  ] as const)
    for (const document of documents) add(document.data.region, { kind, document, body: bodyDigest(kind, document.id) });
  const citations = citationDigests(model, bodyDigest);
  const citedBy = (region: string) => [...(cited.get(region) ?? [])].sort().map((id) => [id, citations.get(id) ?? '']);

  return {
    shared: digestOf([model.regions, model.indicators, model.trackers, model.synonyms, model.siteSettings, sharedExtra]),
    byRegion: new Map([...parts].map(([region, records]) => [region, digestOf([records, citedBy(region)])])),
    families: regionFamilies(model.regions.map((r) => r.data)),
  };
}

/**
 * A page's cache key: the shared digest, the digests of the families of the
 * regions it is about, and whatever else it is drawn from (its props).
 */
export function pageKey(digests: ContentDigests, regions: readonly string[], ...drawnFrom: unknown[]): string {
  const family = [...new Set(regions.flatMap((r) => digests.families.get(r) ?? [r]))].sort();
  return digestOf([digests.shared, family.map((r) => [r, digests.byRegion.get(r) ?? '']), drawnFrom]);
}
