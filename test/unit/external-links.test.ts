import { describe, expect, it } from 'vitest';
import { externalLinks, linksOfPage } from '../../src/lib/external-links.ts';

const page = (path: string, html: string) => ({ page: path, links: linksOfPage(new TextEncoder().encode(html)) });

describe('externalLinks', () => {
  it('lists each outside address once, with the pages that link to it, and decodes Chinese in the address', () => {
    const links = externalLinks([
      page('/a/', '<p>见<a class="x" href="https://www.gov.cn/zhengce/政策.html?a=1&amp;b=2">国务院政策文件库</a>。</p>'),
      page('/b/', '<A HREF="http://example.cn/">链接</A><a href="https://www.gov.cn/zhengce/政策.html?a=1&amp;b=2">同上</a>'),
    ]);
    expect(links).toEqual([
      { url: 'http://example.cn/', pages: ['/b/'] },
      { url: 'https://www.gov.cn/zhengce/政策.html?a=1&b=2', pages: ['/a/', '/b/'] },
    ]);
  });

  it('ignores links within the site and addresses that are not links', () => {
    const links = externalLinks([
      page('/c/', '<link rel="canonical" href="https://site.example/c/"><a href="/yshj/policies/">政策</a><p>https://www.gov.cn/</p>'),
    ]);
    expect(links).toEqual([]);
  });
});
