import { expect, test } from 'vitest';
import { absoluteUrlOf, parseSiteAddress, routes, sitePathOf, withBase, withBaseInHtml } from '../../src/lib/routes.ts';
import { SEARCH_INDEX_DIR } from '../../src/lib/search/search-index-format.ts';

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
  expect(absoluteUrlOf(routes.briefing('longnan-jianbao-2023-03', 'progress-x'), address)).toBe(
    'https://www.example.gov.cn/yshj/briefings/longnan-jianbao-2023-03/#progress-x',
  );
  expect(absoluteUrlOf(routes.feed(), parseSiteAddress(undefined))).toBeUndefined();
});

test('page 1 of a listing is the listing itself; later pages are numbered', () => {
  expect(routes.policies()).toBe('/policies/');
  expect(routes.policies(3)).toBe('/policies/3/');
  expect(routes.taskList('list-a', 2, 'r201')).toBe('/tasks/list-a/2/#r201');
});

test("a page's own address, with the base path removed, is its site path", () => {
  expect(sitePathOf('/yshj/policies/x/', '/yshj/')).toBe('/policies/x/');
  expect(sitePathOf('/yshj/', '/yshj/')).toBe('/');
  expect(sitePathOf('/policies/x/', '/')).toBe('/policies/x/');
});

test('links an author wrote in a document body get the base path; fragments, external links and protocol-relative ones do not', () => {
  const html =
    '<p><a href="/tasks/x/">清单</a> <a href="#s1">一</a> <a href="https://www.gov.cn/">国务院</a> <a href="//cdn.example/x">x</a> <img alt="" src="/a.png"></p>';
  expect(withBaseInHtml(html, '/yshj/')).toBe(
    '<p><a href="/yshj/tasks/x/">清单</a> <a href="#s1">一</a> <a href="https://www.gov.cn/">国务院</a> <a href="//cdn.example/x">x</a> <img alt="" src="/yshj/a.png"></p>',
  );
  expect(withBaseInHtml(html, '/')).toBe(html);
});

test('the search page fetches the index from the folder the build writes it to', () => {
  expect(routes.searchIndexFile('meta.json')).toBe(`/${SEARCH_INDEX_DIR}/meta.json`);
});

test("a dataset's entry in the data dictionary: one per table, one for all task lists", () => {
  expect(routes.dataset('tables/targets')).toBe('/data/#tables-targets');
  expect(routes.dataset('tasks/list-a')).toBe('/data/#tasks');
  expect(routes.policies(2, 'year-2023')).toBe('/policies/2/#year-2023');
});
