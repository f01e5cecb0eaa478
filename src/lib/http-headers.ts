/**
 * Reading a `_headers` file (lib/hosting-headers.ts writes it) as a
 * Netlify- or Cloudflare-Pages-style host does: a path pattern (`*` matches
 * anything) and the headers for it. Rules apply in order; a later rule's
 * `! Name` line removes a header an earlier one set.
 */

/** Content types by file extension, as the shipped server configurations send them. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface HeaderRule {
  pattern: string;
  /** Headers removed from what earlier rules set. */
  detach: string[];
  set: [name: string, value: string][];
}

/** Reads a `_headers` file back into rules, as a host does. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), detach: [], set: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers: header line before any path: ${line}`);
    const entry = line.trim();
    if (entry.startsWith('!')) rule.detach.push(entry.slice(1).trim());
    else {
      const colon = entry.indexOf(':');
      if (colon < 1) throw new Error(`_headers: not a header line: ${line}`);
      rule.set.push([entry.slice(0, colon).trim(), entry.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

function matches(pattern: string, path: string): boolean {
  const expression = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return expression.test(path);
}

/** The headers a request for `path` gets under the rules (names as written in the rules). */
export function headersFor(path: string, rules: readonly HeaderRule[]): Record<string, string> {
  const headers = new Map<string, [string, string]>();
  for (const rule of rules) {
    if (!matches(rule.pattern, path)) continue;
    for (const name of rule.detach) headers.delete(name.toLowerCase());
    for (const [name, value] of rule.set) {
      const known = headers.get(name.toLowerCase());
      // Two matching rules setting one header combine, as the hosts do.
      headers.set(name.toLowerCase(), [name, known ? `${known[1]}, ${value}` : value]);
    }
  }
  return Object.fromEntries([...headers.values()]);
}
