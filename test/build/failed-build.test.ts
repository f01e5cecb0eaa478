/**
 * Invalid content stops the real build before anything is written, with every
 * problem listed and no stack trace.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { astroBuild } from '../support/astro-build.ts';
import { MINIMAL } from '../support/fixtures.ts';

test('a build of broken content exits non-zero, names each problem and writes no site', () => {
  const work = mkdtempSync(join(tmpdir(), 'broken-content-'));
  try {
    const contentDir = join(work, 'content');
    cpSync(MINIMAL, contentDir, { recursive: true });
    writeFileSync(
      join(contentDir, 'tasks', 'test-list.csv'),
      '序号,地区,指标,指标名称,工作举措,牵头单位,配合单位,完成时限,来源政策,状态,截至日期\n' +
        '1,qingshanhu,kaiban-qiye,开办企业,推行。,区市监局,,2023-06-31,test-policy,,\n' +
        '2,qingshanhu,kaiban,开办企业,推行。,区市监局,,2023-06-30,test-policy,,\n',
    );
    const outDir = join(work, 'dist');
    const result = astroBuild({ contentDir, outDir });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('test-list.csv 第2行（序号 1）  完成时限："2023-06-31"  不是真实存在的日期');
    expect(result.output).toContain('test-list.csv 第3行（序号 2）  指标："kaiban"  不是已登记的指标编号');
    expect(result.output).toContain('共发现 2 处内容问题，网站未生成');
    expect(result.output).not.toMatch(/^\s+at /m);
    expect(existsSync(join(outDir, 'index.html'))).toBe(false);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('the minimal valid fixture builds, so the failure above is caused by the broken rows', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'minimal-site-'));
  try {
    const result = astroBuild({ contentDir: MINIMAL, outDir });
    expect(result.status, result.output).toBe(0);
    expect(existsSync(join(outDir, 'policies', 'test-policy', 'index.html'))).toBe(true);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(`${outDir}-cache`, { recursive: true, force: true });
  }
});
