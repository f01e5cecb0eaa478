/**
 * The site's one cache: the validated content of a content folder as its
 * files are now, and every value pages derive from it (the published view,
 * rows grouped by key, charts). Every page of a build reads the same content,
 * so it is validated once and each derived value is worked out once for all
 * pages, not once per page: at province scale (10,000 pages) that is the
 * difference between a linear build and a quadratic one. A change to any
 * content file (in `astro dev`) starts a new state, and everything derived
 * from the old one goes with it.
 *
 * Pure: the caller says where the state is kept, how to list and validate
 * the files (loaders/content-files.ts does both from the disk).
 */
import { deserialize, serialize } from 'node:v8';
import type { ContentIssue } from './content-issue.ts';
import type { ContentModel } from './content-model.ts';
import type { FileReads } from './validate-content.ts';

export interface ContentState {
  root: string;
  /** The files' paths, sizes and modification times when the content was validated. */
  signature: string;
  model: ContentModel;
  issues: ContentIssue[];
  /** Whether `model` is the copy pages keep (see keepOwnStrings), not the one cut from the files' text. */
  ownsStrings: boolean;
  /** Handed over by the process that validated it (see `adopt`): kept without looking at the files. */
  handedOver?: boolean;
  /** Values derived from this state, by the key their computation is kept under. */
  derived: Map<unknown, unknown>;
}

/** Where the state is kept: one slot, so that only one state of the content is ever held. */
export interface ContentStateSlot {
  state?: ContentState | undefined;
}

export interface ContentCacheOptions {
  slot: ContentStateSlot;
  /** Something that changes whenever a file under `root` changes. */
  signatureOf: (root: string) => string;
  validate: (root: string, reads?: FileReads) => { model: ContentModel; issues: ContentIssue[] };
  /**
   * Whether the content cannot change while this process runs (a production
   * build renders its pages from content fixed before the build began): the
   * files are then listed once, since listing them for each of ten thousand
   * pages would cost more than rendering them.
   */
  contentIsFixed: boolean;
}

export interface ContentCache {
  /** The state of the content under `root`: the kept one, or a new one if a file changed, read through `reads` if given. */
  current(root: string, reads?: FileReads): ContentState;
  /** `compute()` once per state of the content under `root`, kept under `key`. */
  derive<T>(root: string, key: unknown, compute: () => T): T;
  /**
   * Makes `model`, validated by another process (a build's renderer), the content under `root` for as long as
   * this process runs: a build's child process derives from it as the pages do, without reading the files again.
   */
  adopt(root: string, model: ContentModel): void;
}

export function contentCache({ slot, signatureOf, validate, contentIsFixed }: ContentCacheOptions): ContentCache {
  const current = (root: string, reads?: FileReads): ContentState => {
    const kept = slot.state;
    if ((contentIsFixed || kept?.handedOver) && kept?.root === root) return kept;
    const signature = signatureOf(root);
    if (kept?.root === root && kept.signature === signature) return kept;
    const { model, issues } = validate(root, reads);
    return (slot.state = { root, signature, model, issues, ownsStrings: reads?.givesOwnStrings === true, derived: new Map() });
  };
  return {
    current,
    derive<T>(root: string, key: unknown, compute: () => T): T {
      const state = current(root);
      if (!state.derived.has(key)) {
        // Computed before it is stored: a computation that throws is tried again next time.
        const value = compute();
        state.derived.set(key, value);
        return value;
      }
      return state.derived.get(key) as T;
    },
    adopt(root: string, model: ContentModel): void {
      slot.state = { root, signature: '', model, issues: [], ownsStrings: true, handedOver: true, derived: new Map() };
    },
  };
}

/**
 * Replaces the state's model with a copy holding only its own strings. A
 * string cut from a file's text (a CSV cell, a frontmatter value) keeps the
 * whole text alive, and pages keep the model until the content changes (in a
 * build: to its end), so they keep the copy (80 MB less at province scale).
 * Commands that check the content and exit use the model as validated.
 */
export function keepOwnStrings(state: ContentState): ContentModel {
  if (!state.ownsStrings) {
    // Copied through V8's serialiser rather than structuredClone (about 1 s against 2 s at province scale), and its
    // bytes kept for the build's child processes, which are handed this model next (integrations/model-process.ts).
    const bytes = serialize(state.model);
    state.model = deserialize(bytes) as ContentModel;
    lastCopy = { model: state.model, bytes };
    // 141 MB at province scale: let go once this turn's children have them.
    setImmediate(() => (lastCopy = undefined));
    state.ownsStrings = true;
  }
  return state.model;
}

let lastCopy: { model: ContentModel; bytes: Buffer } | undefined;

/** `serialize(model)`, when `model` is the copy keepOwnStrings made in this turn of the event loop. */
export function serialisedCopy(model: ContentModel): Buffer | undefined {
  return lastCopy?.model === model ? lastCopy.bytes : undefined;
}
