import { expect, test } from 'vitest';
import { currentSnapshots, latestSnapshotByRegion, revisionLinks } from '../../../src/lib/figures/revisions.ts';

const snapshot = (id: string, asOf: string, publishedOn: string, tracker = 'duibiao-tisheng') => ({
  id,
  region: 'longnan',
  tracker,
  asOf,
  publishedOn,
});

test('a later briefing reporting the same as-of date revises the earlier one; both are kept', () => {
  const snapshots = [
    snapshot('a', '2023-07-31', '2023-08-04'),
    snapshot('b', '2023-07-31', '2023-09-05'),
    snapshot('c', '2023-08-31', '2023-09-05'),
  ];
  expect(Object.fromEntries(revisionLinks(snapshots))).toEqual({ a: { revisedBy: 'b' }, b: { revises: 'a' }, c: {} });
  expect(currentSnapshots(snapshots).map((s) => s.id)).toEqual(['b', 'c']);
});

test('different trackers on the same date do not revise each other', () => {
  const snapshots = [snapshot('a', '2023-07-31', '2023-08-04'), snapshot('b', '2023-07-31', '2023-08-04', 'chuangxin-shidian')];
  expect(currentSnapshots(snapshots)).toHaveLength(2);
});

test('a chain of revisions links each to its neighbours', () => {
  const links = revisionLinks([
    snapshot('c', '2023-07-31', '2023-10-01'),
    snapshot('a', '2023-07-31', '2023-08-04'),
    snapshot('b', '2023-07-31', '2023-09-01'),
  ]);
  expect(links.get('b')).toEqual({ revises: 'a', revisedBy: 'c' });
});

test('each region shows its latest as-of date in its latest revision', () => {
  const other = { ...snapshot('d', '2023-09-30', '2023-10-05'), region: 'wanli' };
  const snapshots = [
    snapshot('a', '2023-07-31', '2023-08-04'),
    snapshot('c', '2023-08-31', '2023-09-05'),
    snapshot('b', '2023-08-31', '2023-09-20'),
    other,
  ];
  expect(latestSnapshotByRegion(snapshots).map((s) => s.id)).toEqual(['b', 'd']);
});
