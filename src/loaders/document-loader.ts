/**
 * Astro loader for the policy and briefing documents. They are MDX files
 * restricted to Markdown and plain HTML tags (no imports, components or
 * expressions: lib/content/mdx-safety.ts and lib/content/mdx-syntax.ts check every file
 * before the build), so each is rendered to HTML here, once, by the site's
 * Markdown pipeline.
 *
 * The HTML is written to a file in Astro's cache directory and the data
 * store holds only where it is and the headings, because the build copies the
 * whole data store into its JavaScript bundle: with province-scale content,
 * compiling documents to modules or bundling their HTML took gigabytes of
 * memory. The frontmatter is not read here: the content gate validated it,
 * and pages read it from the validated model. They read the body with
 * documentBody() (data/document-body.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { digestOfText } from '../lib/content/content-digests.ts';
import { splitFrontmatter } from '../lib/content/mdx-document.ts';
import { jsxAttributesToHtml } from '../lib/content/mdx-jsx-attributes.ts';
import { contentRoot } from './content-files.ts';
import { keptTextDigest } from './file-reads.ts';

export function documentLoader(folder: 'policies' | 'briefings'): Loader {
  return {
    name: `document-loader:${folder}`,
    load: async ({ store, renderMarkdown, watcher, config }) => {
      const dir = join(contentRoot(), folder);
      const htmlDir = fileURLToPath(new URL(`rendered-documents/${folder}/`, config.cacheDir));
      mkdirSync(htmlDir, { recursive: true });
      const sync = async () => {
        // Each file is written while the next document renders (at province scale, 110 MB in 4,500 files took
        // 3 s of the main thread written one by one); a few writes at a time keep the HTML waiting small.
        const writing = new Set<Promise<void>>();
        const writeBehind = async (file: string, html: string) => {
          if (writing.size >= 8) await Promise.race(writing);
          const write: Promise<void> = writeFile(file, html).finally(() => writing.delete(write));
          writing.add(write);
        };
        const seen = new Set<string>();
        const current = new Set<string>();
        for (const name of readdirSync(dir)
          .filter((n) => n.endsWith('.mdx'))
          .sort()) {
          const id = name.slice(0, -'.mdx'.length);
          const path = join(dir, name);
          // A `--changed` build's content gate has the digest, most often without reading the file (file-reads.ts);
          // a file read here for its digest is not read again to be rendered.
          let text: string | undefined;
          const digest = keptTextDigest(path) ?? digestOfText((text = readFileSync(path, 'utf8')));
          // The file name carries the digest, so a stale store entry never points at new HTML or the reverse.
          const htmlFile = join(htmlDir, `${id}.${digest}.html`);
          seen.add(id);
          current.add(htmlFile);
          const known = store.get(id);
          const metadata = known?.rendered?.metadata;
          // An entry stored without the HTML's digest is rendered again, once, to have it.
          if (
            known?.digest === digest &&
            metadata?.htmlFile === htmlFile &&
            typeof metadata.htmlDigest === 'string' &&
            existsSync(htmlFile)
          )
            continue;
          // The content gate has already reported files without valid frontmatter; skip them here.
          const parts = splitFrontmatter(text ?? readFileSync(path, 'utf8'));
          if (!parts) continue;
          const filePath = relative(process.cwd(), path);
          // The Markdown renderer copies tags as written: JSX attributes (colSpan={3}) become HTML ones first.
          const rendered = await renderMarkdown(jsxAttributesToHtml(parts.body).body);
          await writeBehind(htmlFile, rendered.html);
          // set() keeps an entry whose digest is unchanged; this one must point at the new file.
          store.delete(id);
          store.set({
            id,
            data: {},
            filePath,
            digest,
            // The digest of the HTML is part of the cache keys of `--changed` builds (data/page-keys.ts): taken here,
            // where the HTML is at hand, rather than by reading every document's file again on each build.
            rendered: {
              html: '',
              metadata: { headings: rendered.metadata?.headings ?? [], htmlFile, htmlDigest: digestOfText(rendered.html) },
            },
          });
        }
        await Promise.all(writing);
        for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
        for (const name of readdirSync(htmlDir)) if (!current.has(join(htmlDir, name))) rmSync(join(htmlDir, name));
      };
      await sync();
      watcher?.add(dir);
      // A new document (an import, a draft in the desk's preview) and a deleted one count as changes too.
      for (const event of ['change', 'add', 'unlink'] as const) {
        watcher?.on(event, (path) => {
          if (path.startsWith(dir) && path.endsWith('.mdx')) void sync();
        });
      }
    },
  };
}
