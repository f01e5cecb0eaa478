/** Debian's Chromium driven by playwright-core, started the way this machine allows (no network, no sandbox as root). */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, inject } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveStatic } from './static-server.ts';
import { SUB_PATH_SITE_URL } from './astro-build.ts';
import { parseSiteAddress } from '../../src/lib/routes.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = createRequire(import.meta.url).resolve('axe-core');
const HTMLCS = createRequire(import.meta.url).resolve('html_codesniffer/build/HTMLCS.js');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH.`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A browser and the built site served on 127.0.0.1, for the tests of one file.
 * `url` is the site's address without its trailing slash: `${url}/search/`.
 * With `subPath`, the build for SUB_PATH_SITE_URL, served under its path.
 */
export function browserOnBuiltSite(build: 'root' | 'subPath' = 'root'): { readonly browser: Browser; readonly url: string } {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  const base = build === 'root' ? '/' : parseSiteAddress(SUB_PATH_SITE_URL).base;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), serveStatic(inject(build === 'root' ? 'siteDir' : 'subPathSiteDir'), base)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get url() {
      return `${server!.url}${base.replace(/\/$/, '')}`;
    },
  };
}

/** axe-core's violations on the page, as `rule: help — targets`. The page's context must bypass CSP, which rightly refuses injected scripts. */
export async function axeViolations(page: Page, runOnly: { type: 'tag' | 'rule'; values: string[] }): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (only) => {
    const axe = (
      window as unknown as {
        axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: only });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
  }, runOnly);
}

/** HTML_CodeSniffer's errors on the page under WCAG 2 AA, as `code: message — element`. Like axe, it needs a context that bypasses CSP. */
export async function htmlCodeSnifferErrors(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: HTMLCS });
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        interface Message {
          type: number;
          code: string;
          msg: string;
          element: Element;
        }
        const htmlcs = (
          window as unknown as {
            HTMLCS: {
              process(standard: string, content: Document, done: () => void, failed: () => void, lang: string): void;
              getMessages(): Message[];
            };
          }
        ).HTMLCS;
        // Message type 1 is an error; 2 and 3 are warnings and notices, which ask a person to check something.
        const describe = (element: Element) => element.outerHTML.slice(0, 160);
        htmlcs.process(
          'WCAG2AA',
          document,
          () =>
            resolve(
              htmlcs
                .getMessages()
                .filter((m) => m.type === 1)
                .map((m) => `${m.code}: ${m.msg} — ${describe(m.element)}`),
            ),
          () => reject(new Error('HTML_CodeSniffer did not run')),
          'en',
        );
      }),
  );
}

/** Waits until every chart on the page has been drawn. */
export function chartsDrawn(page: Page): Promise<unknown> {
  return page.waitForFunction(() =>
    [...document.querySelectorAll('figure[data-chart]')].every((f) => (f as HTMLElement).dataset.drawn === 'true'),
  );
}
