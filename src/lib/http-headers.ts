/**
 * The HTTP headers the site asks its host to send, as rules of the `_headers`
 * file read by Netlify- and Cloudflare-Pages-style hosts: a path pattern
 * (`*` matches anything) and the headers for it. Rules apply in order; a
 * later rule's `! Name` line removes a header an earlier one set. Framing is
 * refused everywhere except below the embed path, the one place other sites
 * may put the site's pages in an iframe.
 */
import { CONTENT_SECURITY_POLICY } from './site.ts';

export interface HeaderRule {
  pattern: string;
  /** Headers removed from what earlier rules set. */
  detach: string[];
  set: [name: string, value: string][];
}

export const FRAMING_REFUSED = "frame-ancestors 'none'";
/** Any site may frame an embed page (over http or https). */
export const FRAMING_ALLOWED = 'frame-ancestors *';

/** The site's rules; `embedPath` is the site path below which every embed page lives (`/embed/`), with the base applied. */
export function securityHeaderRules(embedPath: string): HeaderRule[] {
  return [
    {
      pattern: '/*',
      detach: [],
      set: [
        ['Content-Security-Policy', `${CONTENT_SECURITY_POLICY}; ${FRAMING_REFUSED}`],
        ['X-Content-Type-Options', 'nosniff'],
        ['Referrer-Policy', 'strict-origin-when-cross-origin'],
        ['X-Frame-Options', 'DENY'],
      ],
    },
    {
      pattern: `${embedPath}*`,
      detach: ['Content-Security-Policy', 'X-Frame-Options'],
      set: [['Content-Security-Policy', `${CONTENT_SECURITY_POLICY}; ${FRAMING_ALLOWED}`]],
    },
  ];
}

export function headersFileText(rules: readonly HeaderRule[]): string {
  return rules
    .map((rule) => [rule.pattern, ...rule.detach.map((name) => `  ! ${name}`), ...rule.set.map(([name, value]) => `  ${name}: ${value}`)].join('\n'))
    .join('\n\n') + '\n';
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
  const expression = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
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
