import { expect, test } from 'vitest';
import { headingWords, quotedTerms } from '../../../src/lib/search/site-vocabulary.ts';

test('headings give their words without numbering', () => {
  expect(headingWords('（一）开办企业')).toEqual(['开办企业']);
  expect(headingWords('五、督查通报机制')).toContain('督查通报机制');
  expect(headingWords('市市场监管局：推进跨区域执法协作，释放协作监管执法效能')).toEqual(
    expect.arrayContaining(['市市场监管局', '推进跨区域执法协作']),
  );
});

test('terms in quotation and title marks are words of the site', () => {
  expect(quotedTerms('协同金融机构推行“带押过户”，印发《合作协议》')).toEqual(['带押过户', '合作协议']);
});
