/**
 * Astro loader for the CSV datasets. Rows come from the validated content
 * model, so a collection never holds a row that failed its checks.
 */
import type { Loader } from 'astro/loaders';
import type { ContentModel } from '../lib/validate-content.ts';
import { contentRoot, loadContentModel } from './content-files.ts';

export interface LoadedEntry {
  id: string;
  data: Record<string, unknown>;
}

export function tableLoader(name: string, select: (model: ContentModel) => LoadedEntry[]): Loader {
  return {
    name: `table-loader:${name}`,
    load: async ({ store, watcher, generateDigest }) => {
      const sync = () => {
        const entries = select(loadContentModel());
        store.clear();
        for (const entry of entries) store.set({ ...entry, digest: generateDigest(entry.data) });
      };
      sync();
      watcher?.add(contentRoot());
      watcher?.on('change', (path) => {
        if (path.startsWith(contentRoot()) && path.endsWith('.csv')) sync();
      });
    },
  };
}
