import { expect, test } from 'vitest';
import { absoluteUrlOf, parseSiteAddress, routes, withBase } from '../../src/lib/routes.ts';

test('SITE_URL gives the origin and the base path, with or without a trailing slash', () => {
  expect(parseSiteAddress('https://www.example.gov.cn/yshj')).toEqual({ origin: 'https://www.example.gov.cn', base: '/yshj/' });
  expect(parseSiteAddress('https://www.example.gov.cn/yshj/')).toEqual({ origin: 'https://www.example.gov.cn', base: '/yshj/' });
  expect(parseSiteAddress('https://example.org')).toEqual({ origin: 'https://example.org', base: '/' });
  expect(parseSiteAddress(undefined)).toEqual({ origin: undefined, base: '/' });
});

test('a link on a page carries the base path; the site path does not', () => {
  expect(routes.policy('qingshanhu-2023-xingdong-fangan', 's1-2')).toBe('/policies/qingshanhu-2023-xingdong-fangan/#s1-2');
  expect(withBase(routes.policy('x', 's1'), '/yshj/')).toBe('/yshj/policies/x/#s1');
  expect(withBase(routes.home(), '/yshj/')).toBe('/yshj/');
  expect(withBase(routes.home(), '/')).toBe('/');
  expect(() => withBase('policies/x/', '/')).toThrow(/not a site path/);
});

test('full addresses exist only when the origin is known', () => {
  const address = parseSiteAddress('https://www.example.gov.cn/yshj/');
  expect(absoluteUrlOf(routes.briefing('longnan-jianbao-2023-03', 'progress-x'), address)).toBe('https://www.example.gov.cn/yshj/briefings/longnan-jianbao-2023-03/#progress-x');
  expect(absoluteUrlOf(routes.feed(), parseSiteAddress(undefined))).toBeUndefined();
});

test('page 1 of a listing is the listing itself; later pages are numbered', () => {
  expect(routes.policies()).toBe('/policies/');
  expect(routes.policies(3)).toBe('/policies/3/');
  expect(routes.taskList('list-a', 2, 'r201')).toBe('/tasks/list-a/2/#r201');
});
