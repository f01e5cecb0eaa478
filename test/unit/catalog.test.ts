import { expect, test } from 'vitest';
import { groupBy } from '../../src/lib/catalog.ts';

test('groups keep input order, an item may join several groups, and undefined keys are skipped', () => {
  const rows = [
    { id: 'a', region: 'longnan', indicators: ['nashui'] },
    { id: 'b', region: 'wanli', indicators: ['nashui', 'kaiban-qiye'] },
    { id: 'c', region: 'longnan', indicators: [] },
    { id: 'd', region: undefined, indicators: [] },
  ];
  expect([...groupBy(rows, (r) => r.region)].map(([k, v]) => [k, v.map((r) => r.id)])).toEqual([
    ['longnan', ['a', 'c']],
    ['wanli', ['b']],
  ]);
  expect(
    groupBy(rows, (r) => r.indicators)
      .get('nashui')!
      .map((r) => r.id),
  ).toEqual(['a', 'b']);
});
