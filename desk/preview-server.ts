/**
 * Draft previews rendered by the site's own layouts: `astro dev` runs as a
 * child process on a preview content folder, which is the repository's
 * content/ plus every open draft's changes. Drafts keep `draft: true`, so the
 * pages show the 草稿 banner with the import's review list. The desk mounts
 * `handle` behind its login at /preview/, and the dev server is built for
 * that base path (SITE_URL=http://127.0.0.1/preview/), so every link and
 * asset of a preview page stays under the desk's proxy.
 *
 * Files are written beside the folder and renamed into place, so the dev
 * server never reads half a file. A draft whose content does not pass the
 * content check is left out of the preview (the desk shows its problems next
 * to the form); otherwise one broken draft would break every preview page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ContentFile } from '../src/lib/content/content-model.ts';
import { validateContent } from '../src/lib/content/validate-content.ts';
import { applyChanges, type DraftChange } from '../src/lib/desk/draft-changes.ts';
import { routes, withBase } from '../src/lib/routes.ts';
import { readContentFiles } from '../src/loaders/content-files.ts';
import { freePort } from './free-port.ts';

export interface PreviewServer {
  /** Rewrites the preview content; resolves once the dev server serves it. */
  sync(drafts: readonly { id: string; changes: readonly DraftChange[] }[]): Promise<void>;
  /** The desk address of a draft's page, e.g. `/preview/briefings/<id>/`. */
  pathOf(draft: { id: string; kind: 'briefing' | 'policy' | 'table' }): string;
  /** Proxies the desk's /preview/* requests to the dev server. */
  handle(request: Request): Promise<Response>;
  stop(): Promise<void>;
}

/** The path the desk serves previews under; the dev server is built for it. */
export const PREVIEW_BASE = '/preview/';
const PREVIEW_SITE_URL = `http://127.0.0.1${PREVIEW_BASE}`;
/** How long the dev server may take to start (it compiles the first page on a busy server). */
const START_TIMEOUT_MS = 120_000;
/** How long sync waits for a page to show a change before giving up on waiting (the files are written anyway). */
const SYNC_TIMEOUT_MS = 30_000;
const POLL_INTERVAL_MS = 50;

/** Headers that belong to one connection, not to the request or response (RFC 9110 §7.6.1), plus what must not leave the desk. */
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
];
const NOT_FORWARDED = new Set([...HOP_BY_HOP, 'host', 'cookie', 'authorization', 'origin', 'referer', 'accept-encoding', 'content-length']);
/** fetch() has already decoded the body, so its encoding and length no longer apply. */
const NOT_RETURNED = new Set([...HOP_BY_HOP, 'content-encoding', 'content-length', 'set-cookie']);

/**
 * Where the dev server's own files (Vite's client, the site's modules and
 * stylesheets, optimised dependencies) appear on the desk. `astro dev` serves
 * them from the root of its host whatever the base path, so the proxy moves
 * them below /preview/ and rewrites the addresses pages and modules use.
 */
const DEV_PREFIX = `${PREVIEW_BASE}_dev/`;
const DEV_ADDRESS = /(["'`(=\s])\/(@vite|@id|@fs|src|node_modules|\.astro|@astro[\w-]*)\//g;
/** Vite's hot-reload client needs a websocket the desk does not carry: a preview shows a change when it is loaded again. */
const VITE_CLIENT_TAG = /<script type="module" src="\/@vite\/client"><\/script>/g;

function underDesk(text: string, html: boolean): string {
  return (html ? text.replace(VITE_CLIENT_TAG, '') : text).replace(DEV_ADDRESS, `$1${DEV_PREFIX}$2/`);
}

/**
 * The desk's environment without what a test runner or the desk's own Vite
 * would set (NODE_ENV=test, MODE, DEV, PROD, SSR, BASE_URL): the dev server
 * would read them as its own and build another site than `npm run dev` does.
 */
function devServerEnvironment(): NodeJS.ProcessEnv {
  const runnerKeys = new Set(['NODE_ENV', 'TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && !runnerKeys.has(key)));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A content path a draft may write: relative, `/`-separated, no `..`. */
function isSafeContentPath(path: string): boolean {
  const parts = path.split('/');
  return !path.includes('\\') && !path.includes('\0') && parts.every((part) => part !== '' && part !== '.' && part !== '..');
}

/** The desk address of the page that shows a content file, if it has one of its own. */
function pageOfFile(path: string): string | undefined {
  const match = /^(briefings|policies)\/([^/]+)\.mdx$/.exec(path) ?? /^(tasks)\/([^/]+)\.csv$/.exec(path);
  if (!match) return undefined;
  const [, folder, id] = match as unknown as [string, string, string];
  const sitePath = folder === 'briefings' ? routes.briefing(id) : folder === 'policies' ? routes.policy(id) : routes.taskList(id);
  return withBase(sitePath, PREVIEW_BASE);
}

/**
 * The content the preview shows: the repository's content with every draft's
 * changes, except drafts that would not pass the content check (each is tried
 * alone on the repository's content when the whole does not pass).
 */
function previewContent(
  content: readonly ContentFile[],
  drafts: readonly { id: string; changes: readonly DraftChange[] }[],
): { files: ContentFile[]; leftOut: string[] } {
  const safe = drafts.filter((draft) => draft.changes.every((change) => isSafeContentPath(change.path)));
  const leftOut = drafts.filter((draft) => !safe.includes(draft)).map((draft) => draft.id);
  const combined = applyChanges(
    content,
    safe.flatMap((draft) => draft.changes),
  );
  if (safe.length === 0 || validateContent(combined).issues.length === 0) return { files: combined, leftOut };
  const baseIssues = validateContent(content).issues.length;
  const passing = safe.filter((draft) => {
    const passes = validateContent(applyChanges(content, draft.changes)).issues.length <= baseIssues;
    if (!passes) leftOut.push(draft.id);
    return passes;
  });
  return {
    files: applyChanges(
      content,
      passing.flatMap((draft) => draft.changes),
    ),
    leftOut,
  };
}

export async function startPreviewServer(options: {
  repoDir: string;
  workDir: string;
  /** The published content the drafts are laid over; `<repoDir>/content` unless given. */
  contentDir?: string;
  port?: number;
}): Promise<PreviewServer> {
  const { repoDir, workDir } = options;
  const sourceDir = options.contentDir ?? join(repoDir, 'content');
  const contentDir = join(workDir, 'content');
  const incomingDir = join(workDir, 'incoming');
  await rm(contentDir, { recursive: true, force: true });
  await mkdir(incomingDir, { recursive: true });

  /** What is in the preview folder now, path → text. */
  const written = new Map<string, string>();
  let writeCount = 0;
  async function writeAtomically(path: string, text: string): Promise<void> {
    const target = join(contentDir, path);
    await mkdir(dirname(target), { recursive: true });
    const temporary = join(incomingDir, `${process.pid}-${writeCount++}.tmp`);
    await writeFile(temporary, text);
    await rename(temporary, target);
  }
  /** Makes the preview folder hold exactly `files`; returns the paths that changed. */
  async function writeContent(files: readonly ContentFile[]): Promise<string[]> {
    const changed: string[] = [];
    const wanted = new Map(files.map((file) => [file.path, file.text]));
    for (const [path, text] of wanted) {
      if (written.get(path) === text) continue;
      await writeAtomically(path, text);
      written.set(path, text);
      changed.push(path);
    }
    for (const path of [...written.keys()]) {
      if (wanted.has(path)) continue;
      await rm(join(contentDir, path), { force: true });
      await rmdir(dirname(join(contentDir, path))).catch(() => undefined);
      written.delete(path);
      changed.push(path);
    }
    return changed;
  }

  // The dev server starts on the repository's content alone: its content gate stops it on any problem.
  await writeContent(readContentFiles(sourceDir));

  const requestedPort = options.port ?? (await freePort());
  const child: ChildProcess = spawn(
    process.execPath,
    // --ignore-lock: a developer's own `npm run dev` in the same repository may run beside it.
    [
      join(repoDir, 'node_modules', 'astro', 'bin', 'astro.mjs'),
      'dev',
      '--host',
      '127.0.0.1',
      '--port',
      String(requestedPort),
      '--ignore-lock',
    ],
    {
      cwd: repoDir,
      // Its own process group, so stop() ends the dev server and every helper it started.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...devServerEnvironment(),
        CONTENT_DIR: contentDir,
        SITE_URL: PREVIEW_SITE_URL,
        ASTRO_CACHE_DIR: join(workDir, 'cache'),
        ASTRO_TELEMETRY_DISABLED: '1',
        FORCE_COLOR: '0',
        NO_COLOR: '1',
      },
    },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    // Enough of the log to explain a failure to start, not the whole session's.
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  async function stop(): Promise<void> {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(incomingDir, { recursive: true, force: true });
  }

  // Astro moves to another port when the requested one was taken meanwhile: read the one it printed.
  let origin: string | undefined;
  const started = Date.now();
  while (!origin) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`预览服务未能启动（astro dev 已退出）：\n${output}`);
    if (Date.now() - started > START_TIMEOUT_MS) {
      await stop();
      throw new Error(`预览服务在 ${START_TIMEOUT_MS / 1000} 秒内没有启动：\n${output}`);
    }
    const port = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)?.[1];
    if (port) origin = `http://127.0.0.1:${port}`;
    else await sleep(100);
  }
  const devOrigin = origin;

  async function get(path: string): Promise<{ status: number; text: string } | undefined> {
    try {
      const response = await fetch(`${devOrigin}${path}`, { headers: { 'accept-encoding': 'identity' } });
      return { status: response.status, text: await response.text() };
    } catch {
      return undefined;
    }
  }
  /** The first request compiles the site's modules: done once now, not on the first staff preview. */
  for (let response = await get(PREVIEW_BASE); !response; response = await get(PREVIEW_BASE)) {
    if (child.exitCode !== null) throw new Error(`预览服务未能启动：\n${output}`);
    await sleep(200);
  }

  let queue: Promise<unknown> = Promise.resolve();
  /** Each page's text as last served after a sync: what a change must differ from, without rendering it again first. */
  const lastServed = new Map<string, string>();
  const state = (response: { status: number; text: string }) => `${response.status}\n${response.text}`;

  async function syncNow(drafts: readonly { id: string; changes: readonly DraftChange[] }[]): Promise<void> {
    const { files } = previewContent(readContentFiles(sourceDir), drafts);
    const desired = new Map(files.map((file) => [file.path, file.text]));
    // What each changed page must show before the change counts as picked up.
    const expected = new Map<string, (response: { status: number; text: string }) => boolean>();
    for (const path of new Set([...desired.keys(), ...written.keys()])) {
      const page = pageOfFile(path);
      if (!page || desired.get(path) === written.get(path)) continue;
      if (!written.has(path)) expected.set(page, (response) => response.status === 200);
      else if (!desired.has(path)) expected.set(page, (response) => response.status === 404);
      else {
        const before = lastServed.get(page) ?? (await get(page).then((response) => (response ? state(response) : '')));
        // An error page while the dev server re-reads the files (a 500) is not the new content yet.
        expected.set(page, (response) => response.status < 500 && state(response) !== before);
      }
    }
    await writeContent(files);
    const deadline = Date.now() + SYNC_TIMEOUT_MS;
    for (const [page, shows] of expected) {
      while (Date.now() < deadline) {
        const response = await get(page);
        if (response && shows(response)) {
          lastServed.set(page, state(response));
          break;
        }
        await sleep(POLL_INTERVAL_MS);
      }
    }
  }

  return {
    sync(drafts) {
      const next = queue.then(() => syncNow(drafts));
      queue = next.catch(() => undefined);
      return next;
    },
    pathOf(draft) {
      if (draft.kind === 'briefing') return withBase(routes.briefing(draft.id), PREVIEW_BASE);
      if (draft.kind === 'policy') return withBase(routes.policy(draft.id), PREVIEW_BASE);
      const dataset = draft.id.replace(/\.csv$/, '');
      if (dataset.startsWith('tables/')) return withBase(routes.dataset(dataset), PREVIEW_BASE);
      return withBase(routes.taskList(dataset.replace(/^tasks\//, '')), PREVIEW_BASE);
    },
    async handle(request) {
      const url = new URL(request.url);
      if (!url.pathname.startsWith(PREVIEW_BASE) || !['GET', 'HEAD'].includes(request.method))
        return new Response('Not Found', { status: 404 });
      const upstreamPath = url.pathname.startsWith(DEV_PREFIX) ? url.pathname.slice(DEV_PREFIX.length - 1) : url.pathname;
      const headers = new Headers();
      for (const [name, value] of request.headers) if (!NOT_FORWARDED.has(name.toLowerCase())) headers.set(name, value);
      headers.set('accept-encoding', 'identity');
      let upstream: Response;
      try {
        upstream = await fetch(`${devOrigin}${upstreamPath}${url.search}`, { method: request.method, headers, redirect: 'manual' });
      } catch {
        return new Response('预览服务暂时无法访问，请稍后刷新。', {
          status: 502,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        });
      }
      const responseHeaders = new Headers();
      for (const [name, value] of upstream.headers) if (!NOT_RETURNED.has(name.toLowerCase())) responseHeaders.set(name, value);
      // Redirects stay on the desk: the dev server's own address is never shown to the browser.
      const location = responseHeaders.get('location');
      if (location?.startsWith(devOrigin)) responseHeaders.set('location', location.slice(devOrigin.length));
      const init = { status: upstream.status, statusText: upstream.statusText, headers: responseHeaders };
      if (request.method === 'HEAD') return new Response(null, init);
      const type = upstream.headers.get('content-type') ?? '';
      if (!/html|javascript|css/.test(type)) return new Response(upstream.body, init);
      return new Response(underDesk(await upstream.text(), type.includes('html')), init);
    },
    stop,
  };
}
