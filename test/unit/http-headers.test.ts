import { expect, test } from 'vitest';
import { FRAMING_ALLOWED, FRAMING_REFUSED, headersFileText, headersFor, parseHeadersFile, securityHeaderRules } from '../../src/lib/http-headers.ts';
import { routes } from '../../src/lib/routes.ts';

const rules = parseHeadersFile(headersFileText(securityHeaderRules(routes.embeds())));

test('the _headers file reads back as the rules it was written from', () => {
  expect(rules).toEqual(securityHeaderRules('/embed/'));
});

test('every page refuses framing, by CSP and X-Frame-Options', () => {
  for (const path of ['/', '/briefings/longnan-jianbao-2023-03/', '/charts/x/', '/embedded/', '/data/charts/x.csv']) {
    const headers = headersFor(path, rules);
    expect(headers['Content-Security-Policy']!.endsWith(`; ${FRAMING_REFUSED}`), path).toBe(true);
    expect(headers['X-Frame-Options'], path).toBe('DENY');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  }
});

test('embed pages alone may be framed, with one policy and the other headers kept', () => {
  const headers = headersFor(routes.embed('progress-longnan-jianbao-2023-03'), rules);
  expect(headers['Content-Security-Policy']!.endsWith(`; ${FRAMING_ALLOWED}`)).toBe(true);
  expect(headers['Content-Security-Policy']).not.toContain(FRAMING_REFUSED);
  expect(headers['X-Frame-Options']).toBeUndefined();
  expect(headers['X-Content-Type-Options']).toBe('nosniff');
});

test('a site under a sub-path frames only its own embed path', () => {
  const sub = parseHeadersFile(headersFileText(securityHeaderRules('/yshj/embed/')));
  expect(headersFor('/yshj/embed/x/', sub)['X-Frame-Options']).toBeUndefined();
  expect(headersFor('/embed/x/', sub)['X-Frame-Options']).toBe('DENY');
});

test('malformed _headers lines are refused', () => {
  expect(() => parseHeadersFile('  X-A: b')).toThrow(/before any path/);
  expect(() => parseHeadersFile('/*\n  nonsense')).toThrow(/not a header line/);
});
