/**
 * Where each record and gram goes in the search index (build only): the
 * records' order, their numbers, and how many gram shards there are. Chosen
 * so that a publication changes few of the index's files: a `--changed`
 * build rewrites only those, and the desk's release copies only those. Pure.
 */
import type { IndexedRecord } from './phrase-search.ts';

/**
 * Records of one kind and regions start at a multiple of this: a publication adds records to one group, and
 * the group's slack keeps every other group's numbers, so the postings and record files that do not mention
 * the group stay as they are, and a `--changed` build rewrites a small part of the index rather than most of
 * it. A multiple of CHUNK_SIZE, so a record file never holds two groups. At province scale 128 costs 22% more
 * numbers than records (the facets a search page builds, and longer bitmap postings); 32 would cost 4.5%,
 * but a briefing of 16 records would then outgrow its group's slack about half the time, renumbering what follows.
 */
const GROUP_ALIGNMENT = 128;

/**
 * The number of each record (records in index order): consecutive within a group of one kind and regions, each
 * group starting at a multiple of GROUP_ALIGNMENT.
 */
export function recordNumbers(records: readonly Pick<IndexedRecord, 'kind' | 'regions'>[]): number[] {
  const alignedUp = (n: number) => Math.ceil(n / GROUP_ALIGNMENT) * GROUP_ALIGNMENT;
  let next = 0;
  let group: string | undefined;
  return records.map((record) => {
    const key = `${record.kind}\u0000${record.regions.join('\u0001')}`;
    if (group !== undefined && key !== group) next = alignedUp(next);
    group = key;
    return next++;
  });
}

/**
 * How many gram shards an index of `needed` shards' worth of postings gets: `needed` rounded up to a step of
 * about 1/32 of it. Every gram's shard depends on the count, so a count that followed each new posting would
 * move every gram, and rewrite every shard, whenever a record is added.
 */
export function shardCount(needed: number): number {
  const step = 2 ** Math.max(0, Math.floor(Math.log2(Math.max(1, needed))) - 5);
  return Math.ceil(Math.max(1, needed) / step) * step;
}

/** Records in index order: by kind (in the order given), region, newest year, newest date, URL. */
export function orderRecords(records: readonly IndexedRecord[], kindOrder: readonly string[]): IndexedRecord[] {
  const rank = (kind: string) => (kindOrder.indexOf(kind) + kindOrder.length + 1) % (kindOrder.length + 1);
  return [...records].sort(
    (a, b) =>
      rank(a.kind) - rank(b.kind) ||
      a.regions.join('、').localeCompare(b.regions.join('、')) ||
      (b.year ?? '').localeCompare(a.year ?? '') ||
      (b.date ?? '').localeCompare(a.date ?? '') ||
      a.url.localeCompare(b.url),
  );
}
