/**
 * The desk's drafts on disk: one JSON file per draft in <data>/drafts/, the
 * original upload kept beside it (<id>.upload). Every write goes to a
 * temporary file first and is renamed into place, so a crash never leaves
 * half a draft. Saves carry the version the form was loaded with; a save
 * against an older version is refused (the caller answers 409 已被他人修改
 * and gives the person their input back).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ID_PATTERN } from '../src/schemas/fields.ts';
import type { DraftChange } from '../src/lib/desk/draft-changes.ts';
import type { DraftState } from '../src/lib/desk/review-workflow.ts';
import type { UnplacedFigure, UploadTarget } from '../scripts/authoring/import-upload.ts';

export type DraftKind = 'briefing' | 'policy' | 'table' | 'withdrawal';

export interface DraftComment {
  who: string;
  when: string;
  text: string;
}

export interface Draft {
  id: string;
  kind: DraftKind;
  /** The id of the document or list the draft writes (the draft's own id may carry a -2 suffix). */
  contentId?: string;
  title: string;
  /** Where the upload was imported to; for a withdrawal, the commit it withdraws. */
  target: UploadTarget | { withdraws: string };
  /** The changes as imported and edited in the forms (without the rows of filled-in figures). */
  changes: DraftChange[];
  review: { recognised: string[]; toCheck: string[] };
  /** Figures the importer could not place, and what staff filled in for each (by form field name). */
  unplaced: UnplacedFigure[];
  figures: Record<string, Record<string, string>>;
  state: DraftState;
  /** Who uploaded it. */
  editor: string;
  /** Everyone who uploaded or saved it (none of them may approve it). */
  editors: string[];
  reviewer?: string;
  comments: DraftComment[];
  version: number;
  created: string;
  updated: string;
  upload?: { fileName: string; kind: string };
  published?: { commit: string; pushed: boolean; when: string };
}

export type SaveResult = { ok: true; draft: Draft } | { ok: false; reason: 'stale'; current: Draft } | { ok: false; reason: 'missing' };

export class DraftStore {
  readonly dir: string;
  /** Saves of one draft run one after another, so a version check and its write are never interleaved. */
  readonly #queues = new Map<string, Promise<unknown>>();

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'drafts');
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  #path(id: string, ext: 'json' | 'upload'): string {
    if (!ID_PATTERN.test(id)) throw new Error(`invalid draft id: ${JSON.stringify(id)}`);
    return join(this.dir, `${id}.${ext}`);
  }

  #write(path: string, data: string | Uint8Array): void {
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, path);
  }

  get(id: string): Draft | undefined {
    if (!ID_PATTERN.test(id)) return undefined;
    const path = this.#path(id, 'json');
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Draft) : undefined;
  }

  list(): Draft[] {
    return readdirSync(this.dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => this.get(name.slice(0, -'.json'.length)))
      .filter((draft): draft is Draft => draft !== undefined)
      .sort((a, b) => b.updated.localeCompare(a.updated));
  }

  /** An unused draft id made from `base`: base, base-2, base-3… */
  freeId(base: string): string {
    const stem = ID_PATTERN.test(base) ? base : 'gaojian';
    for (let n = 1; ; n++) {
      const id = n === 1 ? stem : `${stem}-${n}`;
      if (!existsSync(this.#path(id, 'json'))) return id;
    }
  }

  /** Writes a new draft (version 1) and the upload's bytes beside it. */
  create(draft: Omit<Draft, 'version' | 'created' | 'updated'>, upload?: Uint8Array): Draft {
    const now = new Date().toISOString();
    const created: Draft = { ...draft, version: 1, created: now, updated: now };
    if (upload) this.#write(this.#path(draft.id, 'upload'), upload);
    this.#write(this.#path(draft.id, 'json'), JSON.stringify(created, null, 2));
    return created;
  }

  uploadBytes(id: string): Uint8Array | undefined {
    const path = this.#path(id, 'upload');
    return existsSync(path) ? readFileSync(path) : undefined;
  }

  /**
   * Applies `change` to the draft if it is still at `expectedVersion`, and
   * writes it with the next version. `change` may throw to abort: nothing is written.
   */
  update(id: string, expectedVersion: number, change: (draft: Draft) => Draft | Promise<Draft>): Promise<SaveResult> {
    const previous = this.#queues.get(id) ?? Promise.resolve();
    const run = previous.then(async (): Promise<SaveResult> => {
      const current = this.get(id);
      if (!current) return { ok: false, reason: 'missing' };
      if (current.version !== expectedVersion) return { ok: false, reason: 'stale', current };
      const next = await change(structuredClone(current));
      const saved: Draft = { ...next, id, version: current.version + 1, updated: new Date().toISOString() };
      this.#write(this.#path(id, 'json'), JSON.stringify(saved, null, 2));
      return { ok: true, draft: saved };
    });
    const settled = run.catch(() => undefined);
    this.#queues.set(id, settled);
    void settled.then(() => {
      if (this.#queues.get(id) === settled) this.#queues.delete(id);
    });
    return run;
  }

  remove(id: string): void {
    rmSync(this.#path(id, 'json'), { force: true });
    rmSync(this.#path(id, 'upload'), { force: true });
  }
}
