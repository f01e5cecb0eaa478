/**
 * Every link to another site found in the built pages, with the pages that
 * make it. Takes an iterable so a large site can be read one page at a time.
 */
export function externalLinks(pages: Iterable<{ page: string; html: string }>): { url: string; pages: string[] }[] {
  const found = new Map<string, Set<string>>();
  for (const { page, html } of pages) {
    for (const match of html.matchAll(/<a\b[^>]*\bhref="(https?:\/\/[^"]+)"/gi)) {
      const url = match[1]!.replace(/&amp;/g, '&');
      found.set(url, (found.get(url) ?? new Set()).add(page));
    }
  }
  return [...found].sort(([a], [b]) => a.localeCompare(b)).map(([url, on]) => ({ url, pages: [...on].sort() }));
}
