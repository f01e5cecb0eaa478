import { expect, test } from 'vitest';
import { atomFeed } from '../../src/lib/atom-feed.ts';
import { parseSiteAddress } from '../../src/lib/routes.ts';

const root = parseSiteAddress(undefined);

const entries = [
  { path: '/policies/a/', title: '方案 <A> & B', date: '2023-07-28', summary: '湖办发〔2023〕8号', category: '政策文件' },
  { path: '/briefings/b/', title: '简报第3期', date: '2023-08-04', summary: '领导小组办公室编印', category: '工作简报' },
];

test('entries are newest first, text is escaped, and the feed is dated by its newest entry', () => {
  const xml = atomFeed({ title: '站点', address: root, entries });
  expect(xml.indexOf('简报第3期')).toBeLessThan(xml.indexOf('方案'));
  expect(xml).toContain('<title>方案 &lt;A&gt; &amp; B</title>');
  expect(xml).toContain('<updated>2023-08-04T00:00:00+08:00</updated>');
});

test('ids do not depend on where the site is hosted; links are absolute once the address is known, base path included', () => {
  const relative = atomFeed({ title: '站点', address: root, entries });
  const absolute = atomFeed({ title: '站点', address: parseSiteAddress('https://example.org/yshj/'), entries });
  const subPath = atomFeed({ title: '站点', address: { origin: undefined, base: '/yshj/' }, entries });
  const ids = (xml: string) => [...xml.matchAll(/<id>([^<]+)<\/id>/g)].map((m) => m[1]);
  expect(ids(absolute)).toEqual(ids(relative));
  expect(ids(subPath)).toEqual(ids(relative));
  expect(absolute).toContain('href="https://example.org/yshj/briefings/b/"');
  expect(absolute).toContain('<link rel="self" href="https://example.org/yshj/feed.xml"/>');
  expect(relative).toContain('href="/briefings/b/"');
  expect(subPath).toContain('href="/yshj/briefings/b/"');
});

test('a limited feed keeps the newest entries, whatever their kind', () => {
  const xml = atomFeed({ title: '站点', address: root, entries, limit: 1 });
  expect(xml).toContain('简报第3期');
  expect(xml).not.toContain('方案');
});
