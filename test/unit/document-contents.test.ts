import { expect, test } from 'vitest';
import { contentsHeadings } from '../../src/lib/document-contents.ts';

test('the contents list sections, subsections and their items, not the title or finer levels', () => {
  const depths = [1, 2, 3, 4, 5, 2].map((depth, i) => ({ depth, slug: `h${i}` }));
  expect(contentsHeadings(depths).map((h) => h.slug)).toEqual(['h1', 'h2', 'h3', 'h5']);
});
