/** An Atom 1.0 feed (RFC 4287) as text. Pure: entries in, XML out. */
import { absoluteUrlOf, routes, withBase, type SiteAddress } from './routes.ts';

export interface FeedEntry {
  /** Site path, e.g. /briefings/x/ (see lib/routes.ts). */
  path: string;
  title: string;
  /** ISO date of publication. */
  date: string;
  summary: string;
  category: string;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Entry ids are tag: URIs built from the path and date, so they stay the same
 * wherever the site is hosted; links are absolute when the site's origin is known,
 * and carry its base path either way.
 */
export function atomFeed(input: { title: string; address: SiteAddress; entries: readonly FeedEntry[]; limit?: number }): string {
  const entries = [...input.entries]
    .sort((a, b) => b.date.localeCompare(a.date) || a.path.localeCompare(b.path))
    .slice(0, input.limit ?? Infinity);
  const href = (path: string) => absoluteUrlOf(path, input.address) ?? withBase(path, input.address.base);
  const updated = entries[0]?.date ?? '1970-01-01';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <title>${escape(input.title)}</title>`,
    `  <id>tag:yihao-gaige,2023:feed</id>`,
    `  <updated>${updated}T00:00:00+08:00</updated>`,
    `  <link rel="self" href="${escape(href(routes.feed()))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escape(href(routes.home()))}"/>`,
    `  <author><name>${escape(input.title)}</name></author>`,
    ...entries.flatMap((entry) => [
      '  <entry>',
      `    <title>${escape(entry.title)}</title>`,
      `    <id>tag:yihao-gaige,${entry.date}:${escape(entry.path)}</id>`,
      `    <link rel="alternate" type="text/html" href="${escape(href(entry.path))}"/>`,
      `    <updated>${entry.date}T00:00:00+08:00</updated>`,
      `    <published>${entry.date}T00:00:00+08:00</published>`,
      `    <category term="${escape(entry.category)}"/>`,
      `    <summary>${escape(entry.summary)}</summary>`,
      '  </entry>',
    ]),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}
