/**
 * Validates the whole content tree at once: every file against its schema,
 * then every cross-reference between files. Pure: it takes file texts and
 * returns the typed model plus every problem found, so it runs in tests
 * without a disk and in the build before anything is rendered.
 */
import { DEFAULT_REUSE_TERMS, readSiteSettings, SITE_SETTINGS_FILE } from './site-settings.ts';
import type { ContentIssue } from './content-issue.ts';
import { sortIssues } from './content-issue.ts';
import { contentMessage } from '../../core/content-messages.ts';
import { readTable } from './csv-table.ts';
import { readMdxDocument } from './mdx-document.ts';
import { checkCrossReferences } from './cross-references.ts';
import { REQUIRED_TABLES, SINGLE_FILE_TABLES, TASK_LIST_TABLE } from '../../schemas/datasets.ts';
import { ID_PATTERN } from '../../schemas/fields.ts';
import type { ContentFile, ContentModel, LocatedRow } from './content-model.ts';
import type { TableDefinition } from '../../schemas/table.ts';
import { policySchema, POLICY_FIELD_LABELS } from '../../schemas/policies.ts';
import { briefingSchema, BRIEFING_FIELD_LABELS } from '../../schemas/briefings.ts';

export interface ValidationResult {
  model: ContentModel;
  issues: ContentIssue[];
}

/** Files that hold no published data: sources, notes. */
function isIgnored(path: string): boolean {
  return path.startsWith('sources/') || /\.md$/i.test(path) || path.split('/').some((part) => part.startsWith('.'));
}

/**
 * Reading a file (parsing it and checking it against its schema) gives the same result for the same text and
 * code, so a caller may keep the results between runs (loaders/file-reads.ts keeps them on disk for builds).
 * Cross-references always run on the whole model.
 */
export interface FileReads {
  /** `read` of `source`'s text, or what it gave for the same file, text and code before; `file` is the path shown. */
  <T>(file: string, source: ContentFile, read: (text: string) => T): T;
  /**
   * Whether every value returned is a copy holding its own strings, not strings cut from the file's text (a
   * value read back from the disk is): the model then need not be copied to let the texts go (keepOwnStrings).
   */
  givesOwnStrings?: boolean;
}

const readNow: FileReads = (_file, source, read) => read(source.text);

export function validateContent(files: readonly ContentFile[], displayRoot = 'content', reads: FileReads = readNow): ValidationResult {
  const issues: ContentIssue[] = [];
  const model: ContentModel = {
    regions: [], indicators: [], assignments: [], targets: [], trackers: [], progress: [],
    rankingTiers: [], evaluationWeights: [], synonyms: [], taskLists: [], policies: [], briefings: [], unreadableDocuments: new Set(),
    siteSettings: { reuseTerms: DEFAULT_REUSE_TERMS },
  };
  const shown = (path: string) => `${displayRoot}/${path}`;
  const present = new Set(files.map((f) => f.path));

  for (const name of REQUIRED_TABLES) {
    if (!present.has(`tables/${name}`))
      issues.push({ file: shown(`tables/${name}`), ...contentMessage('missing-required-table') });
  }

  // A file's text is asked for only inside `reads`, which may have kept what reading it gave.
  for (const source of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const { path } = source;
    if (isIgnored(path)) continue;
    const file = shown(path);
    const tableMatch = /^tables\/([^/]+)$/.exec(path);
    const taskMatch = /^tasks\/([^/]+)\.csv$/.exec(path);
    const documentMatch = /^(policies|briefings)\/([^/]+)\.mdx$/.exec(path);

    if (tableMatch && tableMatch[1]! in SINGLE_FILE_TABLES) {
      const name = tableMatch[1] as keyof typeof SINGLE_FILE_TABLES;
      const table = SINGLE_FILE_TABLES[name];
      const result = reads(file, source, (text) => readTable(table as TableDefinition, file, text));
      issues.push(...result.issues);
      (model[table.id as keyof ContentModel] as LocatedRow<unknown>[]).push(
        ...result.rows.map((row) => ({ ...row, file })),
      );
    } else if (path === SITE_SETTINGS_FILE) {
      const result = reads(file, source, (text) => readSiteSettings(file, text));
      issues.push(...result.issues);
      model.siteSettings = result.settings;
    } else if (taskMatch) {
      const id = taskMatch[1]!;
      if (!ID_PATTERN.test(id)) {
        issues.push({ file, ...contentMessage('bad-task-file-name') });
        continue;
      }
      const result = reads(file, source, (text) => readTable(TASK_LIST_TABLE, file, text));
      issues.push(...result.issues);
      model.taskLists.push({ id, file, headers: result.headers, rows: result.rows.map((row) => ({ ...row, file })) });
    } else if (documentMatch) {
      const [, kind, id] = documentMatch as unknown as [string, 'policies' | 'briefings', string];
      if (!ID_PATTERN.test(id)) {
        issues.push({ file, ...contentMessage('bad-document-file-name') });
        continue;
      }
      const read = reads(file, source, (text) =>
        kind === 'policies'
          ? readMdxDocument(policySchema, POLICY_FIELD_LABELS, file, text)
          : readMdxDocument(briefingSchema, BRIEFING_FIELD_LABELS, file, text),
      );
      issues.push(...read.issues);
      if (read.data) {
        const document = {
          id,
          file,
          data: read.data,
          anchors: read.headings.map((h) => h.anchor),
          headings: read.headings.map(({ depth, text: headingText, anchor, alias }) => ({ depth, text: headingText, anchor, alias })),
        };
        if (kind === 'policies') model.policies.push(document as ContentModel['policies'][number]);
        else model.briefings.push(document as ContentModel['briefings'][number]);
      } else {
        model.unreadableDocuments.add(id);
      }
    } else {
      issues.push({ file, ...contentMessage('unknown-file', { root: displayRoot, tables: Object.keys(SINGLE_FILE_TABLES).join('、') }) });
    }
  }

  issues.push(...checkCrossReferences(model));
  return { model, issues: sortIssues(issues) };
}
