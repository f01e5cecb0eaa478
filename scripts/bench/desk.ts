/**
 * `npm run bench:desk`: how soon the publishing desk's preview shows a draft,
 * on today's content (1×) and on the synthetic corpus at 10×:
 *
 *   (a) upload to preview: a Word briefing (generated like the test fixtures)
 *       imported into a draft by importUpload, as the desk does, synced into
 *       the preview, until its page is served with its title;
 *   (b) preview after an edit: one frontmatter field (the title) changed,
 *       synced, until the page shows it.
 *
 * Three runs of each; prints min / median / max and the machine's load
 * average. A benchmark, not a test. The target is a preview within 3 s of a
 * change at 1×.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPreviewServer, type PreviewServer } from '../../desk/preview-server.ts';
import { readContentFiles } from '../../src/loaders/content-files.ts';
import type { DraftChange } from '../../src/lib/desk/draft-changes.ts';
import { importUpload } from '../authoring/import-upload.ts';
import { writeCorpus } from '../corpus/generate.ts';
import { briefingDocument, docxBytes } from '../../test/fixtures/docx/make-docx.ts';

const RUNS = 3;
const REPO = join(import.meta.dirname, '..', '..');
const sizes = (process.argv[2] ?? '1,10').split(',').map(Number);

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
const seconds = (ms: number) => (ms / 1000).toFixed(2);

/** The Word briefing imported into a draft, as the desk does on upload. */
async function importWordBriefing(
  bytes: Uint8Array,
  contentDir: string,
  region: string,
): Promise<{ id: string; title: string; changes: DraftChange[] }> {
  const result = await importUpload({
    bytes,
    fileName: '龙南简报第4期.docx',
    kind: 'docx',
    target: { into: 'briefings', region },
    content: readContentFiles(contentDir),
    force: true,
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return { id: result.id, title: result.title, changes: result.changes };
}

/** Polls the page through the desk's proxy until it is served and shows `text`. */
async function untilShown(preview: PreviewServer, path: string, text: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const response = await preview.handle(new Request(`http://desk.local${path}`));
    if (response.status === 200 && (await response.text()).includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${path} did not show “${text}” within 120 s`);
}

function summary(label: string, times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `${label}: min ${seconds(sorted[0]!)} s, median ${seconds(sorted[Math.floor(sorted.length / 2)]!)} s, max ${seconds(sorted.at(-1)!)} s`;
}

console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; Node ${process.version}; load average ${load()}`);
const bytes = new Uint8Array(await docxBytes(briefingDocument()));
const work = mkdtempSync(join(tmpdir(), 'bench-desk-'));
try {
  for (const size of sizes) {
    const contentDir = size === 1 ? join(REPO, 'content') : join(work, `corpus-${size}`);
    if (size !== 1) {
      writeCorpus(size, contentDir);
      // The synthetic tables have Windows line ends, and the importer appends rows with \n (withRows in
      // src/lib/content/csv-rows.ts), which would corrupt them; timing needs the import to succeed.
      for (const file of readContentFiles(contentDir))
        if (file.path.endsWith('.csv')) writeFileSync(join(contentDir, file.path), file.text.replaceAll('\r\n', '\n'));
    }
    const started = performance.now();
    const preview = await startPreviewServer({ repoDir: REPO, workDir: join(work, `preview-${size}`), contentDir });
    console.log(`${size}×: preview server started in ${seconds(performance.now() - started)} s`);
    try {
      const upload: number[] = [];
      const importing: number[] = [];
      const syncing: number[] = [];
      const edit: number[] = [];
      for (let run = 1; run <= RUNS; run++) {
        // Each run starts with no draft, so the page is new to the dev server.
        await preview.sync([]);
        const t0 = performance.now();
        const draft = await importWordBriefing(bytes, contentDir, 'longnan');
        importing.push(performance.now() - t0);
        await preview.sync([draft]);
        syncing.push(performance.now() - t0 - importing.at(-1)!);
        const path = preview.pathOf({ id: draft.id, kind: 'briefing' });
        const { title } = draft;
        await untilShown(preview, path, title);
        upload.push(performance.now() - t0);

        const changed = `${title}（第${run}次修改）`;
        const edited = draft.changes.map((change) =>
          change.kind === 'file' && change.path === `briefings/${draft.id}.mdx`
            ? { ...change, text: change.text.replace(/^title: .*$/m, `title: ${JSON.stringify(changed)}`) }
            : change,
        );
        const t1 = performance.now();
        await preview.sync([{ id: draft.id, changes: edited }]);
        await untilShown(preview, path, changed);
        edit.push(performance.now() - t1);
      }
      console.log(`  ${summary('(a) upload to preview', upload)}`);
      console.log(`      of which ${summary('import', importing)}; ${summary('sync', syncing)}`);
      console.log(`  ${summary('(b) preview after an edit', edit)}`);
      console.log(`  load average ${load()}`);
    } finally {
      await preview.stop();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
