/**
 * The single-intranet-server way of updating the site: the desk builds the
 * site into its work folder, makes a new release folder of it (sharing the
 * files that did not change with the previous release), then points the `current` symlink that
 * nginx serves (`root <releases>/current;`) at it. The switch is one rename
 * of a new symlink over the old one, so every request sees either the whole
 * old site or the whole new one. The last few releases are kept, and a
 * rollback is activating an older one. A failed build never touches
 * `current` and leaves no folder behind.
 *
 *   <releases>/20261203-140501/   a finished build (the id is its start time), the
 *                                 site's files below its base path (…/yshj/ for SITE_URL …/yshj/)
 *   <releases>/current -> 20261203-140501
 *   <releases>/.building-…/       a release being made (never listed, never served)
 *   <releases>/.work/…/           the work folder every build writes over
 *   <releases>/.cache/            what builds reuse: pages, each content file's reading, and what Astro keeps
 *   <releases>/.content/          the content of the last build, as it was to be published
 *   <releases>/.work-files        which files the work folder held when the last release was made
 *   <releases>/.spare-<id>/       a linked copy of that release, the next one's start (release-snapshot.ts)
 *   <releases>/.stale-<id>/       a release past keeping, being deleted
 *   <releases>/.content-issues.json  the problems the last build's content check rejected the content for
 *   <releases>/.content-staged.json  which state of each content file was staged, and the staged copy's
 *   <releases>/.work-lent.json   the files the last release took from the work folder, until copied back
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { lstat, mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ContentFile } from '../src/lib/content/content-model.ts';
import { parseSiteAddress } from '../src/lib/routes.ts';
import type { RejectedContent } from '../src/integrations/content-gate.ts';
import type { ContentIssue } from '../src/lib/content/content-issue.ts';
import { fileState, filesUnder, holdsBytes, keptJson, stateOf } from '../src/loaders/file-tree.ts';
import { serialised } from './one-at-a-time.ts';
import { prepareSpare, restoreWorkFolder, snapshotRelease } from './release-snapshot.ts';

/** Release ids are the build's start time (UTC), so their order is their age; `-2`… when two start in one second. */
const RELEASE_ID = /^\d{8}-\d{6}(?:-\d+)?$/;
const CURRENT = 'current';
const CACHE = '.cache';
const WORK = '.work';
const CONTENT = '.content';
const CONTENT_ISSUES = '.content-issues.json';
/** What was staged from which state of each file (`stageContent`). */
const CONTENT_STAGED = '.content-staged.json';
/** A release past keeping, renamed at once so it is no longer listed, and deleted after. */
const STALE = '.stale-';
const DEFAULT_KEEP = 5;

export interface BuildStepOptions {
  repoDir: string;
  outDir: string;
  cacheDir: string;
  siteUrl?: string;
  contentDir?: string;
  /** Where the build's content check writes the problems it rejects the content for (integrations/content-gate.ts). */
  issuesFile?: string;
}

/**
 * Builds the site into `outDir`, the work folder, which holds the previous
 * build's output: the step leaves exactly the new site there. The real one is
 * `astroBuildStep`; tests may pass their own.
 */
export type BuildStep = (options: BuildStepOptions) => Promise<{ ok: boolean; output: string }>;

/** What staff see when a build fails; the build's own output is kept for the administrator. */
const RELEASE_MESSAGES = {
  buildFailed: '网站构建失败，线上网站保持不变。构建输出已记录，请联系管理员查看。',
  emptyBuild: '网站构建没有生成首页（index.html），线上网站保持不变。请联系管理员查看构建输出。',
  contentRejected: '内容检查发现问题，网站没有生成，线上网站保持不变。',
  unknownRelease: (id: string) => `没有编号为“${id}”的网站版本。`,
} as const;

/**
 * `npm run build -- --changed`, exactly: the same node, the same memory
 * settings from build.env, Astro's own bin, run in the repository; output and
 * cache redirected, and the content too when `contentDir` is given. With
 * `--changed`, pages whose content did not change since the last release are
 * copied from the cache the releases share instead of rendered again.
 */
const astroBuildStep: BuildStep = ({ repoDir, outDir, cacheDir, siteUrl, contentDir, issuesFile }) =>
  new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      OUT_DIR: outDir,
      ASTRO_CACHE_DIR: cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      FORCE_COLOR: '0',
      NO_COLOR: '1',
    };
    if (siteUrl) env.SITE_URL = siteUrl;
    if (contentDir) env.CONTENT_DIR = contentDir;
    if (issuesFile) env.CONTENT_ISSUES_FILE = issuesFile;
    execFile(
      process.execPath,
      [
        '--env-file=build.env',
        '--max-old-space-size=1024',
        join(repoDir, 'node_modules', 'astro', 'bin', 'astro.mjs'),
        'build',
        '--changed',
      ],
      { cwd: repoDir, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ ok: !error, output: `${stdout}\n${stderr}`.trim() }),
    );
  });

function timestampId(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

function newReleaseId(releasesDir: string): string {
  const base = timestampId(new Date());
  let id = base;
  for (let n = 2; existsSync(join(releasesDir, id)); n++) id = `${base}-${n}`;
  return id;
}

/** Order of age, oldest first: the timestamp, then the same-second counter. */
function compareIds(a: string, b: string): number {
  const time = (id: string) => id.slice(0, 15);
  const count = (id: string) => Number(id.slice(16)) || 1;
  return time(a) === time(b) ? count(a) - count(b) : time(a) < time(b) ? -1 : 1;
}

/**
 * Makes `dir` hold `files` and nothing else. A file whose bytes are already there is left alone: a publication
 * changes a few of a province's 5,500 files, and writing all 190 MB again took seconds. Synchronous calls: the
 * thread pool's round trips for 5,500 files took longer than the reading (1.7 s against 0.5 s at province scale).
 * A file given with its state (`ContentFile.state`), in the state it was in when staged last and its staged copy
 * in the state it was left in, is not read at all (`record`, beside the folder): reading and comparing all the
 * content took about 1.3 s of each publication.
 */
function stageContent(dir: string, files: readonly ContentFile[], record: string): string {
  const staged = new Map(keptJson<[string, string, string][]>(record)?.map(([path, source, copy]) => [path, { source, copy }]));
  const states: [path: string, source: string, copy: string][] = [];
  const wanted = new Map(files.map((file) => [join(dir, file.path), file]));
  for (const path of existsSync(dir) ? filesUnder(dir) : []) if (!wanted.has(path)) rmSync(path);
  for (const folder of new Set([...wanted.keys()].map((path) => dirname(path)))) mkdirSync(folder, { recursive: true });
  for (const [path, file] of wanted) {
    const kept = file.state === undefined ? undefined : staged.get(path);
    const there = statSync(path, { bigint: true, throwIfNoEntry: false });
    let copy = there && stateOf(there);
    if (kept === undefined || kept.source !== file.state || kept.copy !== copy) {
      const bytes = Buffer.from(file.text);
      if (!holdsBytes(path, bytes)) {
        rmSync(path, { recursive: true, force: true });
        writeFileSync(path, bytes);
        copy = fileState(path);
      }
    }
    if (file.state !== undefined) states.push([path, file.state, copy!]);
  }
  writeFileSync(record, JSON.stringify(states));
  return dir;
}

/**
 * Builds the repository's site into a new release folder. The release is not
 * live until `activateRelease`.
 */
export function buildRelease(options: {
  repoDir: string;
  releasesDir: string;
  siteUrl?: string;
  /** The content to build, as it will be published; the repository's own when not given. */
  content?: readonly ContentFile[];
  build?: BuildStep;
}): Promise<
  | { ok: true; id: string; output: string; files: { linked: number; copied: number } }
  /** `issues`: the build's content check rejected the content, paths shown as `content/…`; nothing was built. */
  | { ok: false; message: string; output: string; issues?: ContentIssue[] }
> {
  const { releasesDir } = options;
  return serialised(`releases:${releasesDir}`, async () => {
    await mkdir(releasesDir, { recursive: true });
    // Normally done once the last release went live; after a restart of the desk, here.
    await restoreWorkFolder(releasesDir, () => startAfresh(releasesDir));
    const id = newReleaseId(releasesDir);
    const buildingName = `.building-${id}`;
    const building = join(releasesDir, buildingName);
    await rm(building, { recursive: true, force: true });
    const build = options.build ?? astroBuildStep;
    // Every build writes over the one work folder of the site's address, so unchanged pages stay in place; a release
    // is then made from it (release-snapshot.ts). A work folder of another address is of no more use.
    const base = parseSiteAddress(options.siteUrl).base;
    const workRoot = join(releasesDir, WORK, encodeURIComponent(base));
    for (const other of existsSync(join(releasesDir, WORK)) ? await readdir(join(releasesDir, WORK)) : [])
      if (other !== encodeURIComponent(base)) await rm(join(releasesDir, WORK, other), { recursive: true, force: true });
    // The site's files go to <release><base>, as deploy/nginx.conf expects below its root (…/current/yshj/ for /yshj/).
    const siteDir = join(workRoot, ...base.split('/').filter(Boolean));
    // One cache for every release: later builds reuse what did not change.
    const cacheDir = join(releasesDir, CACHE);
    // Always at the same place: where the content lies is part of what Astro's cache compares, so content staged in
    // a new folder each time would have every page rendered again.
    const contentDir = options.content
      ? stageContent(join(releasesDir, CONTENT), options.content, join(releasesDir, CONTENT_STAGED))
      : undefined;
    const issuesFile = join(releasesDir, CONTENT_ISSUES);
    await rm(issuesFile, { force: true });
    let result: { ok: boolean; output: string };
    try {
      result = await build({
        repoDir: options.repoDir,
        outDir: siteDir,
        cacheDir,
        issuesFile,
        ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}),
        ...(contentDir ? { contentDir } : {}),
      });
    } catch (error) {
      result = { ok: false, output: String((error as Error).stack ?? error) };
    }
    const rejected = result.ok ? undefined : keptJson<RejectedContent>(issuesFile);
    if (rejected) {
      // Rejected before anything was written: the work folder and the cache stay as the last build left them.
      const shown = (file: string) => (file.startsWith(`${rejected.root}/`) ? `content${file.slice(rejected.root.length)}` : file);
      const issues = rejected.issues.map((issue) => ({ ...issue, file: shown(issue.file) }));
      return { ok: false as const, message: RELEASE_MESSAGES.contentRejected, output: result.output, issues };
    }
    if (!result.ok || !existsSync(join(siteDir, 'index.html'))) {
      // A build that stops part-way may have written pages, and stored them, without the record of what they were
      // built from: the next build starts afresh rather than reuse them.
      await startAfresh(releasesDir);
      return { ok: false as const, message: result.ok ? RELEASE_MESSAGES.emptyBuild : RELEASE_MESSAGES.buildFailed, output: result.output };
    }
    try {
      const files = await snapshotRelease({ workDir: workRoot, releasesDir, into: buildingName, release: id });
      await rename(building, join(releasesDir, id));
      return { ok: true as const, id, output: result.output, files };
    } catch (error) {
      // A full disk, say: no half-made release is left, and the live one stays. The files it took from the work
      // folder go with it, so the next build starts afresh.
      await rm(building, { recursive: true, force: true });
      await restoreWorkFolder(releasesDir, () => startAfresh(releasesDir));
      return {
        ok: false as const,
        message: RELEASE_MESSAGES.buildFailed,
        output: `${result.output}\n${String((error as Error).stack ?? error)}`,
      };
    }
  });
}

async function liveId(releasesDir: string): Promise<string | undefined> {
  try {
    return await readlink(join(releasesDir, CURRENT));
  } catch {
    return undefined;
  }
}

/** Finished releases, newest first, with the one `current` points at marked live. */
export async function listReleases(releasesDir: string): Promise<{ id: string; live: boolean }[]> {
  if (!existsSync(releasesDir)) return [];
  const live = await liveId(releasesDir);
  const entries = await readdir(releasesDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && RELEASE_ID.test(entry.name))
    .map((entry) => entry.name)
    .sort((a, b) => compareIds(b, a))
    .map((id) => ({ id, live: id === live }));
}

/**
 * Makes release `id` the live site: a new symlink `current.tmp` renamed over
 * `current` (rename is atomic). Releases past the newest `keep` are set aside at
 * once, never the live one; rolling back is activating an older id. Deleting
 * them and preparing the next release's spare (release-snapshot.ts) take
 * seconds at province scale, and follow in the background: the next build waits
 * for them, `releasesSettled` too.
 */
export function activateRelease(releasesDir: string, id: string, keep = DEFAULT_KEEP): Promise<void> {
  return serialised(`releases:${releasesDir}`, async () => {
    if (
      !RELEASE_ID.test(id) ||
      !(await lstat(join(releasesDir, id)).then(
        (stat) => stat.isDirectory(),
        () => false,
      ))
    ) {
      throw new Error(RELEASE_MESSAGES.unknownRelease(id));
    }
    const next = join(releasesDir, `${CURRENT}.tmp`);
    await rm(next, { force: true });
    // Relative target: the releases folder can be moved or mounted elsewhere.
    await symlink(id, next);
    await rename(next, join(releasesDir, CURRENT));

    const releases = await listReleases(releasesDir);
    const stale = releases.slice(Math.max(1, keep)).filter((release) => !release.live);
    for (const release of stale) await rename(join(releasesDir, release.id), join(releasesDir, STALE + release.id));
    void serialised(`releases:${releasesDir}`, () => tidyReleases(releasesDir)).catch((error: unknown) =>
      console.error('整理网站版本文件夹时出错（线上网站不受影响）：', error),
    );
  });
}

/** Empties the work folders and the build's cache: the next build renders everything again. */
async function startAfresh(releasesDir: string): Promise<void> {
  const work = join(releasesDir, WORK);
  for (const name of existsSync(work) ? await readdir(work) : []) await rm(join(work, name), { recursive: true, force: true });
  await rm(join(releasesDir, CACHE), { recursive: true, force: true });
}

/**
 * Copies back into the work folder what the new release took from it, deletes the releases set aside and links
 * the spare the next release starts from.
 */
async function tidyReleases(releasesDir: string): Promise<void> {
  await restoreWorkFolder(releasesDir, () => startAfresh(releasesDir));
  for (const name of await readdir(releasesDir))
    if (name.startsWith(STALE)) await rm(join(releasesDir, name), { recursive: true, force: true });
  await prepareSpare(releasesDir);
}

/** Resolves once every build, switch and tidying asked for so far in `releasesDir` is done. */
export function releasesSettled(releasesDir: string): Promise<void> {
  return serialised(`releases:${releasesDir}`, async () => undefined);
}
