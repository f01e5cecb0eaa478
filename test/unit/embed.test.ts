import { expect, test } from 'vitest';
import { EMBED_HEIGHT_MESSAGE, embedSnippet, isEmbedHeightMessage } from '../../src/lib/embed.ts';

test('the snippet frames the embed page by its full address and trusts only the site origin', () => {
  const snippet = embedSnippet({ url: 'https://www.example.gov.cn/yshj/embed/progress-x/', title: '龙南“一号改革工程”<进展>' });
  expect(snippet).toContain('<iframe src="https://www.example.gov.cn/yshj/embed/progress-x/" title="龙南“一号改革工程”&lt;进展>"');
  expect(snippet).toContain('e.origin!=="https://www.example.gov.cn"');
  expect(snippet).toContain(`d.type!=="${EMBED_HEIGHT_MESSAGE}"`);
  expect(() => embedSnippet({ url: '/embed/x/', title: 't' })).toThrow();
});

test('only well-formed height messages are accepted', () => {
  expect(isEmbedHeightMessage({ type: EMBED_HEIGHT_MESSAGE, url: 'https://a/embed/x/', height: 420 })).toBe(true);
  expect(isEmbedHeightMessage({ type: EMBED_HEIGHT_MESSAGE, url: 'https://a/embed/x/', height: -1 })).toBe(false);
  expect(isEmbedHeightMessage({ type: 'other', url: 'x', height: 3 })).toBe(false);
  expect(isEmbedHeightMessage(null)).toBe(false);
});
