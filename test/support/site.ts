/** Reading the built site: its pages, their text, links and anchors. */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { filesUnder } from '../../src/loaders/file-tree.ts';

export interface BuiltPage {
  /** URL path, e.g. `/policies/x/`. */
  url: string;
  file: string;
  html: string;
  root: HTMLElement;
}

export function siteFiles(siteDir: string): string[] {
  return filesUnder(siteDir).map((file) => relative(siteDir, file).split(sep).join('/'));
}

export function builtPages(siteDir: string): BuiltPage[] {
  return siteFiles(siteDir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const html = readFileSync(join(siteDir, file), 'utf8');
      const url = `/${file.replace(/index\.html$/, '').replace(/\.html$/, '')}`;
      return { url, file, html, root: parse(html) };
    });
}

/** The text a reader sees: no scripts, styles or tags, entities decoded. */
export function visibleText(page: BuiltPage): string {
  const original = page.root.querySelector('body');
  if (!original) return '';
  // Work on a copy: the page's own tree stays whole for other checks.
  const body = parse(original.toString());
  body.querySelectorAll('script, style').forEach((node) => node.remove());
  return body.textContent;
}

/** The stylesheets and scripts a page loads, with everything the scripts import, as paths in the site. */
export function pageAssets(siteDir: string, page: BuiltPage): string[] {
  const assets = new Set<string>();
  const visit = (path: string) => {
    if (assets.has(path)) return;
    assets.add(path);
    if (!path.endsWith('.js')) return;
    const code = readFileSync(join(siteDir, path), 'utf8');
    for (const match of code.matchAll(/from\s*["']([^"']+\.js)["']|import\(\s*["']([^"']+\.js)["']\s*\)/g))
      visit(join(path, '..', match[1] ?? match[2]!));
  };
  for (const element of page.root.querySelectorAll('script, link')) {
    const url = element.getAttribute('src') ?? (element.getAttribute('rel') === 'stylesheet' ? element.getAttribute('href') : undefined);
    if (url?.startsWith('/')) visit(url.slice(1));
  }
  return [...assets];
}
