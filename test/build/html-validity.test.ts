/**
 * Valid HTML: the W3C Nu HTML Checker (vnu.jar, from the vnu-jar package; it
 * needs a Java runtime, which .ci/run installs) reads every built page in one
 * run. Browsers repair invalid markup each in their own way: an attribute
 * value they cannot read (colspan="{3}") is dropped, a second element with the
 * same id is never reached by its link. No error is allowed; warnings are
 * listed in the test output.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, inject, test } from 'vitest';
import { siteFiles } from '../support/site.ts';

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

const siteDir = inject('siteDir');
const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

async function checkPages(files: string[]): Promise<VnuMessage[]> {
  // The checker exits with 1 when it finds an error; its JSON report is on stderr either way.
  const result = await promisify(execFile)('java', ['-jar', vnuJar, '--format', 'json', ...files], { maxBuffer: 256 * 1024 * 1024 }).catch(
    (error: { stderr?: string; code?: unknown; message: string }) => {
      if (typeof error.stderr === 'string' && error.stderr.trimStart().startsWith('{')) return { stderr: error.stderr };
      throw new Error(`The Nu HTML Checker did not run (is Java installed?): ${error.message}`);
    },
  );
  return (JSON.parse(result.stderr) as { messages: VnuMessage[] }).messages;
}

test('every built page is valid HTML by the Nu HTML Checker', async () => {
  const pages = siteFiles(siteDir).filter((file) => file.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(100);
  const messages = await checkPages(pages.map((file) => join(siteDir, file)));
  const where = (m: VnuMessage) => `${fileURLToPath(m.url).slice(siteDir.length)}${m.lastLine ? `:${m.lastLine}` : ''}`;
  const warnings = new Map<string, number>();
  for (const m of messages.filter((m) => m.type === 'info')) warnings.set(m.message, (warnings.get(m.message) ?? 0) + 1);
  if (warnings.size > 0)
    console.info(
      `Nu HTML Checker warnings over ${pages.length} pages:\n${[...warnings].map(([message, count]) => `  ${count} × ${message}`).join('\n')}`,
    );
  expect(messages.filter((m) => m.type !== 'info').map((m) => `${where(m)} ${m.message} ${m.extract ?? ''}`)).toEqual([]);
}, 300_000);
