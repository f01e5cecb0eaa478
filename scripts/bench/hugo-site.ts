/**
 * The corpus's text as a plain Hugo site, the speed reference of
 * `npm run bench`: every policy and briefing as a Markdown page (title, date,
 * body), every task list as one page with a Markdown table, and a minimal
 * theme-less layout. The same text, none of this site's data pages.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import Papa from 'papaparse';
import { splitFrontmatter } from '../../src/lib/content/mdx-document.ts';

const PAGE =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}';
const LAYOUTS: Record<string, string> = {
  '_default/single.html': `${PAGE}</body></html>`,
  '_default/list.html': `${PAGE}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>`,
  'index.html': `${PAGE}<ul>{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>`,
};

const frontmatter = (title: string, date: string | undefined) =>
  `---\n${JSON.stringify({ title, ...(date ? { date } : {}) }, null, 1)}\n---\n\n`;

export function hugoSite(corpus: string, site: string): void {
  const write = (path: string, text: string) => {
    mkdirSync(join(site, path, '..'), { recursive: true });
    writeFileSync(join(site, path), text);
  };
  write(
    'hugo.toml',
    [
      'baseURL = "http://localhost/"',
      'title = "bench"',
      'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]',
      '[markup.goldmark.renderer]',
      'unsafe = true',
      '',
    ].join('\n'),
  );
  for (const [path, text] of Object.entries(LAYOUTS)) write(`layouts/${path}`, text);
  for (const folder of ['policies', 'briefings']) {
    for (const name of readdirSync(join(corpus, folder))) {
      const parts = splitFrontmatter(readFileSync(join(corpus, folder, name), 'utf8'))!;
      const data = parse(parts.yaml) as Record<string, string | undefined>;
      write(
        `content/${folder}/${name.replace(/\.mdx$/, '.md')}`,
        frontmatter(String(data.title), data.date ?? data.publishedDate ?? data.writtenDate) + parts.body,
      );
    }
  }
  for (const name of readdirSync(join(corpus, 'tasks'))) {
    const rows = Papa.parse<string[]>(readFileSync(join(corpus, 'tasks', name), 'utf8').replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
    const table = [rows[0]!, rows[0]!.map(() => '---'), ...rows.slice(1)].map((row) => `| ${row.map(cell).join(' | ')} |`).join('\n');
    write(`content/tasks/${name.replace(/\.csv$/, '.md')}`, frontmatter(name.replace(/\.csv$/, ''), undefined) + table);
  }
}
