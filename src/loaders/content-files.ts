/**
 * The file-system side of content validation: find the content directory,
 * read every file in it, validate, and cache the result until a file changes.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { formatIssueReport, type ContentIssue } from '../lib/content/content-issue.ts';
import { validateContent } from '../lib/content/validate-content.ts';
import type { ContentFile, ContentModel } from '../lib/content/content-model.ts';
import { publishedContent } from '../lib/published-view.ts';
import { filesUnder } from './file-tree.ts';

/**
 * Where the content lives. `CONTENT_DIR` points the same build at another tree
 * (test fixtures, a generated corpus); by default it is `content/`.
 */
export function contentRoot(): string {
  return resolve(process.env.CONTENT_DIR ?? 'content');
}

/** How paths are shown in messages: relative to the working directory. */
export function displayRoot(root = contentRoot()): string {
  return relative(process.cwd(), root).split(sep).join('/') || '.';
}

export function readContentFiles(root = contentRoot()): ContentFile[] {
  return filesUnder(root).map((path) => ({
    path: relative(root, path).split(sep).join('/'),
    text: readFileSync(path, 'utf8'),
  }));
}

export class ContentValidationError extends Error {
  readonly issues: ContentIssue[];
  constructor(issues: ContentIssue[]) {
    super(formatIssueReport(issues));
    this.name = 'ContentValidationError';
    this.issues = issues;
  }
}

interface ValidatedContent {
  signature: string;
  model: ContentModel;
  issues: ContentIssue[];
  /** Whether `model` is the copy pages keep (see loadContentModel), not the one cut from the files' text. */
  ownsStrings: boolean;
}

/**
 * The validated content is kept once per process, not once per copy of this
 * module: Astro loads the content gate with its configuration and bundles the
 * pages separately, so each has its own copy of this file. Keeping the result
 * on a process-wide key lets the pages render from the model the gate
 * validated instead of reading and validating every file again.
 */
const SHARED_KEY = Symbol.for('yihao-gaige-site.validated-content');
const shared = globalThis as typeof globalThis & { [SHARED_KEY]?: ValidatedContent };

/**
 * Content cannot change while a production build renders its pages, so there
 * the files are listed once; listing them for each of ten thousand pages would
 * cost more than rendering them. `astro dev` and scripts look every time.
 */
const contentIsFixed = import.meta.env?.PROD === true;
const fixedSignatures = new Map<string, string>();

function signatureOf(root: string): string {
  const fixed = fixedSignatures.get(root);
  if (contentIsFixed && fixed !== undefined) return fixed;
  const signature = filesUnder(root)
    .map((path) => {
      const stat = statSync(path);
      return `${path}:${stat.size}:${stat.mtimeMs}`;
    })
    .join('\n');
  if (contentIsFixed) fixedSignatures.set(root, signature);
  return signature;
}

/** Validated content, or every problem at once. Re-read only when a file changed. */
export function checkContent(root = contentRoot()): { model: ContentModel; issues: ContentIssue[] } {
  const signature = signatureOf(root);
  let validated = shared[SHARED_KEY];
  if (validated?.signature !== signature) {
    const { model, issues } = validateContent(readContentFiles(root), displayRoot(root));
    validated = shared[SHARED_KEY] = { signature, model, issues, ownsStrings: false };
  }
  return { model: validated.model, issues: validated.issues };
}

/**
 * Runs `compute` once per state of the content: pages that all need the same
 * derived data (every chart, every task list) share one computation, and a
 * change to any content file (in `astro dev`) computes it afresh.
 */
export function oncePerContent<T>(compute: () => T): () => T {
  let memo: { signature: string; value: T } | undefined;
  return () => {
    const signature = signatureOf(contentRoot());
    if (memo?.signature !== signature) memo = { signature, value: compute() };
    return memo.value;
  };
}

/** The validated model; throws ContentValidationError listing every problem. */
export function loadContentModel(root = contentRoot()): ContentModel {
  const { issues } = checkContent(root);
  if (issues.length > 0) throw new ContentValidationError(issues);
  const validated = shared[SHARED_KEY]!;
  // A string cut from a file's text keeps the whole text alive, and pages keep the model until the content
  // changes (a build: to its end), so they keep a copy holding only its own strings (80 MB less at province
  // scale). Commands that check the content and exit use the model as validated.
  if (!validated.ownsStrings) Object.assign(validated, { model: structuredClone(validated.model), ownsStrings: true });
  return validated.model;
}

/** Drafts are shown only by `astro dev`, for review before publishing; a build and the scripts never show them. */
export const showsDrafts = import.meta.env?.DEV === true;

const published = new WeakMap<ContentModel, ContentModel>();

/** The model the site shows: without drafts and the rows citing them, except in `astro dev`. */
export function loadSiteModel(root = contentRoot()): ContentModel {
  const model = loadContentModel(root);
  if (showsDrafts) return model;
  let view = published.get(model);
  if (!view) published.set(model, (view = publishedContent(model)));
  return view;
}
