/**
 * The file-system side of content validation: find the content directory,
 * read every file in it, validate, and keep the result until a file changes.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { formatIssueReport, type ContentIssue } from '../lib/content/content-issue.ts';
import { validateContent, type FileReads } from '../lib/content/validate-content.ts';
import type { ContentFile, ContentModel } from '../lib/content/content-model.ts';
import { contentCache, keepOwnStrings, type ContentStateSlot } from '../lib/content/content-cache.ts';
import { publishedContent } from '../lib/published-view.ts';
import { filesUnder, stateOf } from './file-tree.ts';
import { VITE_MODE } from '../lib/build-mode.ts';

let lastRoot = { dir: '', cwd: '', root: '' };

/**
 * Where the content lives. `CONTENT_DIR` points the same build at another tree
 * (test fixtures, a generated corpus); by default it is `content/`. Set but
 * empty (`CONTENT_DIR= npm run build`) also means the default: read as a path
 * it would be the repository itself, node_modules included.
 */
export function contentRoot(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const dir = env.CONTENT_DIR || 'content';
  const cwd = process.cwd();
  // Asked for by every derived value a page reads (for a dataset download, once per row): resolved once.
  if (lastRoot.dir !== dir || lastRoot.cwd !== cwd) lastRoot = { dir, cwd, root: resolve(dir) };
  return lastRoot.root;
}

/** How paths are shown in messages: relative to the working directory. */
export function displayRoot(root = contentRoot(), cwd = process.cwd()): string {
  return relative(cwd, root).split(sep).join('/') || '.';
}

export function readContentFiles(root = contentRoot()): ContentFile[] {
  return filesUnder(root).map((path) => ({
    path: relative(root, path).split(sep).join('/'),
    text: readFileSync(path, 'utf8'),
  }));
}

/**
 * A file written this recently may be written again within the file system's clock tick without its state
 * changing (racy files, as git calls them): it is given without a state, and read.
 */
const SETTLING_NS = 2_000_000_000n;

/**
 * The content files as `readContentFiles` gives them, each read only when its text is first asked for, with its
 * state (`ContentFile.state`): for a build that keeps its file reads (loaders/file-reads.ts), and for the desk,
 * which stages for its builds only the files that changed (desk/site-release.ts).
 */
export function statedContentFiles(root = contentRoot()): ContentFile[] {
  const settled = BigInt(Date.now()) * 1_000_000n - SETTLING_NS;
  return filesUnder(root).map((full) => {
    const stats = statSync(full, { bigint: true });
    let text: string | undefined;
    return {
      path: relative(root, full).split(sep).join('/'),
      get text() {
        return (text ??= readFileSync(full, 'utf8'));
      },
      state: stats.mtimeNs < settled ? stateOf(stats) : undefined,
    };
  });
}

export class ContentValidationError extends Error {
  readonly issues: ContentIssue[];
  constructor(issues: ContentIssue[]) {
    super(formatIssueReport(issues));
    this.name = 'ContentValidationError';
    this.issues = issues;
  }
}

/**
 * The state is kept once per process, not once per copy of this module:
 * Astro loads the content gate with its configuration and bundles the pages
 * separately, so each has its own copy of this file. Keeping it on a
 * process-wide key lets the pages render from the model the gate validated
 * instead of reading and validating every file again.
 */
const SLOT_KEY = Symbol.for('yihao-gaige-site.content-state');
const shared = globalThis as typeof globalThis & { [SLOT_KEY]?: ContentStateSlot };

/** A change to any file under `root` changes this: paths, sizes and modification times. */
function signatureOf(root: string): string {
  return filesUnder(root)
    .map((path) => {
      const stat = statSync(path);
      return `${path}:${stat.size}:${stat.mtimeMs}`;
    })
    .join('\n');
}

/** The one cache (lib/content/content-cache.ts): the validated content and what pages derive from it. */
const cache = contentCache({
  slot: (shared[SLOT_KEY] ??= {}),
  signatureOf,
  validate: (root, reads) => validateContent(reads ? statedContentFiles(root) : readContentFiles(root), displayRoot(root), reads),
  // A production build's content cannot change while it renders; `astro dev` and the scripts look every time.
  contentIsFixed: VITE_MODE.prod,
});

/** Validated content, or every problem at once. Re-read only when a file changed. */
export function checkContent(root = contentRoot(), reads?: FileReads): { model: ContentModel; issues: ContentIssue[] } {
  const { model, issues } = cache.current(root, reads);
  return { model, issues };
}

/**
 * Runs `compute` once per state of the content: pages that all need the same
 * derived data (every chart, every task list) share one computation, and a
 * change to any content file (in `astro dev`) computes it afresh.
 */
export function oncePerContent<T>(compute: () => T): () => T {
  return () => cache.derive(contentRoot(), compute, compute);
}

/** The validated model; throws ContentValidationError listing every problem. */
export function loadContentModel(root = contentRoot()): ContentModel {
  const state = cache.current(root);
  if (state.issues.length > 0) throw new ContentValidationError(state.issues);
  return keepOwnStrings(state);
}

/** Makes `model`, as the build's renderer validated and sent it, this process's content under `root` (see ContentCache.adopt). */
export function adoptContentModel(model: ContentModel, root = contentRoot()): void {
  cache.adopt(root, model);
}

/** Drafts are shown only by `astro dev`, for review before publishing; a build and the scripts never show them. */
export const showsDrafts = VITE_MODE.dev;

/** The key the site's view of the model is kept under: process-wide, so the search index and the pages share one. */
const PUBLISHED_VIEW = Symbol.for('yihao-gaige-site.published-view');

/** The model the site shows: without drafts and the rows citing them, except in `astro dev`. */
export function loadSiteModel(root = contentRoot()): ContentModel {
  const model = loadContentModel(root);
  return showsDrafts ? model : cache.derive(root, PUBLISHED_VIEW, () => publishedContent(model));
}
