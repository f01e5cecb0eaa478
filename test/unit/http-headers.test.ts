import { expect, test } from 'vitest';
import { headersFor, parseHeadersFile } from '../../src/lib/http-headers.ts';
import { EMBED_HEADERS, headersFile, PAGE_HEADERS } from '../../src/lib/hosting-headers.ts';
import { routes } from '../../src/lib/routes.ts';

const rules = parseHeadersFile(headersFile('/'));

test('every page refuses framing, by CSP and X-Frame-Options', () => {
  for (const path of ['/', '/briefings/longnan-jianbao-2023-03/', '/charts/x/', '/embedded/', '/data/charts/x.csv']) {
    const headers = headersFor(path, rules);
    expect(headers['Content-Security-Policy'], path).toBe(PAGE_HEADERS['Content-Security-Policy']);
    expect(headers['X-Frame-Options'], path).toBe('DENY');
  }
});

test('embed pages alone may be framed: one policy, no X-Frame-Options, the other headers kept', () => {
  const headers = headersFor(routes.embed('progress-longnan-jianbao-2023-03'), rules);
  expect(headers).toMatchObject(EMBED_HEADERS);
  expect(headers['X-Frame-Options']).toBeUndefined();
});

test('a site under a sub-path frames only its own embed path', () => {
  const sub = parseHeadersFile(headersFile('/yshj/'));
  expect(headersFor('/yshj/embed/x/', sub)['X-Frame-Options']).toBeUndefined();
  expect(headersFor('/yshj/briefings/x/', sub)['X-Frame-Options']).toBe('DENY');
});

test('malformed _headers lines are refused', () => {
  expect(() => parseHeadersFile('  X-A: b')).toThrow(/before any path/);
  expect(() => parseHeadersFile('/*\n  nonsense')).toThrow(/not a header line/);
});
