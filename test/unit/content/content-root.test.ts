import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentRoot } from '../../../src/loaders/content-files.ts';

describe('contentRoot', () => {
  it('is content/ unless CONTENT_DIR names another tree', () => {
    expect(contentRoot({})).toBe(resolve('content'));
    expect(contentRoot({ CONTENT_DIR: '/tmp/corpus' })).toBe('/tmp/corpus');
  });

  it('is content/ when CONTENT_DIR is set but empty, not the repository with its node_modules', () => {
    expect(contentRoot({ CONTENT_DIR: '' })).toBe(resolve('content'));
  });
});
