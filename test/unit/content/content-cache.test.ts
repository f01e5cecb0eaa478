import { describe, expect, it } from 'vitest';
import { contentCache, keepOwnStrings, type ContentStateSlot } from '../../../src/lib/content/content-cache.ts';
import { validateContent } from '../../../src/lib/content/validate-content.ts';
import type { ContentFile } from '../../../src/lib/content/content-model.ts';

const REGIONS = '编号,名称,层级,上级\njiangxi,江西省,省,\n';
const TWO_REGIONS = `${REGIONS}ganzhou,赣州市,设区市,jiangxi\n`;
const INDICATORS = '编号,名称,上级,类别,排序,别名,说明\nkaiban-qiye,开办企业,,一级指标,1,,\n';

/** Content folders in memory: each root's files, and how often they were listed and validated. */
function folders(initial: Record<string, ContentFile[]>) {
  const files = new Map(Object.entries(initial));
  const versions = new Map<string, number>();
  const counts = { listed: 0, validated: 0 };
  return {
    counts,
    change(root: string, changed: ContentFile[]) {
      files.set(root, changed);
      versions.set(root, (versions.get(root) ?? 0) + 1);
    },
    signatureOf(root: string) {
      counts.listed++;
      return `${root}@${versions.get(root) ?? 0}`;
    },
    validate(root: string) {
      counts.validated++;
      return validateContent(files.get(root) ?? [], root);
    },
  };
}

const tables = (regions = REGIONS): ContentFile[] => [
  { path: 'tables/regions.csv', text: regions },
  { path: 'tables/indicators.csv', text: INDICATORS },
];

function setUp(contentIsFixed = false, slot: ContentStateSlot = {}) {
  const disk = folders({ content: tables(), other: tables('编号,名称,层级,上级\nzhejiang,浙江省,省,\n') });
  return { disk, slot, cache: contentCache({ slot, signatureOf: (root) => disk.signatureOf(root), validate: (root) => disk.validate(root), contentIsFixed }) };
}

describe('the content cache', () => {
  it('validates the content once while no file changes, and again after one does', () => {
    const { disk, cache } = setUp();
    const first = cache.current('content');
    expect(first.issues).toEqual([]);
    expect(first.model.regions.map((r) => r.data.id)).toEqual(['jiangxi']);
    expect(cache.current('content')).toBe(first);
    expect(disk.counts.validated).toBe(1);

    disk.change('content', tables(TWO_REGIONS));
    const second = cache.current('content');
    expect(second).not.toBe(first);
    expect(second.model.regions.map((r) => r.data.id)).toEqual(['jiangxi', 'ganzhou']);
    expect(disk.counts.validated).toBe(2);
  });

  it('keeps each derived value for the state it was computed from, and drops it with that state', () => {
    const { disk, cache } = setUp();
    let computed = 0;
    const regionCount = () => {
      computed++;
      return cache.current('content').model.regions.length;
    };
    expect(cache.derive('content', regionCount, regionCount)).toBe(1);
    expect(cache.derive('content', regionCount, regionCount)).toBe(1);
    expect(computed).toBe(1);

    disk.change('content', tables(TWO_REGIONS));
    expect(cache.derive('content', regionCount, regionCount)).toBe(2);
    expect(computed).toBe(2);
    expect(cache.current('content').derived.size).toBe(1);
  });

  it('keeps values under different keys apart', () => {
    const { cache } = setUp();
    expect(cache.derive('content', 'a', () => 'first')).toBe('first');
    expect(cache.derive('content', 'b', () => 'second')).toBe('second');
    expect(cache.derive('content', 'a', () => 'never')).toBe('first');
  });

  it('tries a computation that failed again rather than keeping the failure', () => {
    const { cache } = setUp();
    let calls = 0;
    const flaky = () => {
      if (++calls === 1) throw new Error('first call fails');
      return 'second call';
    };
    expect(() => cache.derive('content', flaky, flaky)).toThrow('first call fails');
    expect(cache.derive('content', flaky, flaky)).toBe('second call');
  });

  it('holds one content folder at a time: another root is validated on its own', () => {
    const { disk, cache } = setUp();
    const content = cache.current('content');
    const other = cache.current('other');
    expect(other.model.regions.map((r) => r.data.id)).toEqual(['zhejiang']);
    expect(cache.current('content')).not.toBe(content);
    expect(disk.counts.validated).toBe(3);
  });

  it('lists the files once per folder when the content cannot change (a production build)', () => {
    const { disk, cache } = setUp(true);
    const state = cache.current('content');
    for (let page = 0; page < 100; page++) cache.derive('content', 'page data', () => page);
    expect(cache.current('content')).toBe(state);
    expect(disk.counts.listed).toBe(1);
    expect(cache.derive('content', 'page data', () => -1)).toBe(0);
  });

  it('looks at the files every time otherwise (astro dev, the scripts)', () => {
    const { disk, cache } = setUp(false);
    for (let page = 0; page < 5; page++) cache.derive('content', 'page data', () => page);
    expect(disk.counts.listed).toBe(5);
    expect(disk.counts.validated).toBe(1);
  });

  it('derives from a model handed over by the process that validated it, without listing or validating the files', () => {
    const { disk, cache } = setUp();
    const handedOver = validateContent(tables(TWO_REGIONS), 'content').model;
    cache.adopt('content', handedOver);
    expect(cache.current('content').model).toBe(handedOver);
    expect(cache.derive('content', 'ids', () => handedOver.regions.map((r) => r.data.id))).toEqual(['jiangxi', 'ganzhou']);
    expect(disk.counts).toEqual({ listed: 0, validated: 0 });
    // Another folder is still read from its files.
    expect(cache.current('other').model.regions.map((r) => r.data.id)).toEqual(['zhejiang']);
    expect(disk.counts.validated).toBe(1);
  });

  it('shares one state between copies of the module that share the slot (the content gate and the pages)', () => {
    const gate = setUp(false);
    const pages = contentCache({ slot: gate.slot, signatureOf: (root) => gate.disk.signatureOf(root), validate: (root) => gate.disk.validate(root), contentIsFixed: true });
    const validated = gate.cache.current('content');
    expect(pages.current('content')).toBe(validated);
    expect(gate.disk.counts.validated).toBe(1);
  });

  it('replaces the model with an equal copy once, for the pages to keep', () => {
    const { cache } = setUp();
    const state = cache.current('content');
    const validated = state.model;
    const kept = keepOwnStrings(state);
    expect(kept).not.toBe(validated);
    expect(kept).toEqual(validated);
    expect(keepOwnStrings(state)).toBe(kept);
    expect(cache.current('content').model).toBe(kept);
  });
});
