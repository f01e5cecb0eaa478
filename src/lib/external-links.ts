/**
 * Every link to another site found in the built pages, with the pages that
 * make it. Takes an iterable so a large site can be read one page at a time.
 *
 * Pages are matched as bytes (one latin1 character per byte), not as decoded
 * text: decoding a province-scale site's HTML from UTF-8 takes three times as
 * long as reading it, and every delimiter the pattern looks for is ASCII, which
 * never occurs inside a UTF-8 multi-byte character. Only the URLs found are
 * decoded.
 */

/** The addresses of other sites one page links to, in the order it makes them. */
export function linksOfPage(html: Uint8Array): string[] {
  const bytes = Buffer.from(html.buffer, html.byteOffset, html.byteLength);
  return [...bytes.toString('latin1').matchAll(/<a\b[^>]*\bhref="(https?:\/\/[^"]+)"/gi)].map((match) =>
    Buffer.from(match[1]!, 'latin1').toString('utf8').replace(/&amp;/g, '&'),
  );
}

/** Each address once, sorted, with the pages that link to it (`linksOfPage` of each). */
export function externalLinks(pages: Iterable<{ page: string; links: readonly string[] }>): { url: string; pages: string[] }[] {
  const found = new Map<string, Set<string>>();
  for (const { page, links } of pages) for (const url of links) found.set(url, (found.get(url) ?? new Set()).add(page));
  return [...found].sort(([a], [b]) => a.localeCompare(b)).map(([url, on]) => ({ url, pages: [...on].sort() }));
}
