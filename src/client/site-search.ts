/**
 * The search page: loads the index on the first query, folds the query
 * (traditional characters, full-width letters, indicator aliases), finds
 * records with lib/phrase-search.ts, and lists them with their facets.
 * Results are announced to screen readers through a live region.
 */
import type { Facet } from '../lib/search/phrase-search.ts';
import { recordFacets, queryShardedIndex, type SearchIndexMeta, type ShardedSearchResponse } from '../lib/search/search-shards.ts';
import { queryVariants, textFolder } from '../lib/search/search-text.ts';
import { href, routes } from '../lib/routes.ts';

const PAGE_SIZE = 20;
const files = new Map<string, Promise<string>>();

/** A file of the index, fetched once per page view. */
function load(path: string): Promise<string> {
  let file = files.get(path);
  if (!file) {
    file = fetch(href(routes.searchIndexFile(path))).then((r) => {
      if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
      return r.text();
    });
    // A failed fetch is not remembered, so the next search tries again.
    file.catch(() => files.delete(path));
    files.set(path, file);
  }
  return file;
}

let indexPromise: Promise<{ meta: SearchIndexMeta; facets: ReturnType<typeof recordFacets>; fold: (text: string) => string }> | undefined;

function loadIndex() {
  indexPromise ??= load('meta.json').then((text) => {
    const meta = JSON.parse(text) as SearchIndexMeta;
    return { meta, facets: recordFacets(meta), fold: textFolder(meta.vocabulary.traditional) };
  });
  indexPromise.catch(() => (indexPromise = undefined));
  return indexPromise;
}

export async function searchSite(query: string, filters: Partial<Record<Facet, string>>, sortByDate: boolean): Promise<ShardedSearchResponse> {
  const { meta, facets, fold } = await loadIndex();
  return queryShardedIndex({ meta, facets, load }, queryVariants(query, meta.vocabulary), fold, { filters, sortByDate, limit: PAGE_SIZE });
}

function renderResults(list: HTMLOListElement, response: ShardedSearchResponse): void {
  list.replaceChildren(
    ...response.hits.map(({ record, excerpt }) => {
      const item = document.createElement('li');
      const heading = document.createElement('h2');
      heading.className = 'search-result-title';
      const link = document.createElement('a');
      link.href = href(record.url);
      link.textContent = record.title;
      heading.append(link);
      const tags = document.createElement('p');
      tags.className = 'muted';
      tags.textContent = [record.kind, ...record.regions, record.year && `${record.year}年`].filter(Boolean).join(' · ');
      const text = document.createElement('p');
      text.append(
        ...excerpt.map((part) => {
          if (!part.marked) return document.createTextNode(part.text);
          const mark = document.createElement('mark');
          mark.textContent = part.text;
          return mark;
        }),
      );
      item.append(heading, tags, text);
      return item;
    }),
  );
}

function fillFacets(app: HTMLElement, facets: ShardedSearchResponse['facets'], selected: Partial<Record<Facet, string>>): void {
  for (const select of app.querySelectorAll<HTMLSelectElement>('select[data-facet]')) {
    const facet = select.dataset.facet as Facet;
    const values = Object.entries(facets[facet]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'));
    const all = select.options[0]!;
    select.replaceChildren(all, ...values.map(([value, count]) => new Option(`${value}（${count}）`, value, false, selected[facet] === value)));
  }
}

export function startSearchPage(): void {
  const app = document.getElementById('search-app');
  const form = document.getElementById('search-form') as HTMLFormElement | null;
  const input = document.getElementById('search-page-input') as HTMLInputElement | null;
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results') as HTMLOListElement | null;
  if (!app || !form || !input || !status || !list) return;
  app.hidden = false;
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  const selects = [...app.querySelectorAll<HTMLSelectElement>('select')];
  for (const select of selects) {
    const value = params.get(select.name);
    if (value && select.dataset.facet) select.append(new Option(value, value, false, true));
    else if (value) select.value = value;
  }

  let latest = 0;
  const run = async () => {
    const query = input.value.trim();
    const selected = Object.fromEntries(selects.filter((s) => s.dataset.facet).map((s) => [s.dataset.facet!, s.value])) as Partial<Record<Facet, string>>;
    const sortByDate = selects.find((s) => s.name === 'sort')?.value === 'date';
    const next = new URLSearchParams({ q: query, ...Object.fromEntries(selects.filter((s) => s.value).map((s) => [s.name, s.value])) });
    history.replaceState(null, '', `?${next}`);
    if (!query) {
      status.textContent = '请输入要搜索的词，例如单位名称、改革事项或数字。';
      list.replaceChildren();
      return;
    }
    const ticket = ++latest;
    status.textContent = '正在搜索……';
    try {
      const response = await searchSite(query, selected, sortByDate);
      if (ticket !== latest) return;
      fillFacets(app, response.facets, selected);
      renderResults(list, response);
      const shown = response.hits.length;
      status.textContent =
        shown === 0
          ? `没有找到与“${query}”相关的内容。可以换一个词，或减少筛选条件。`
          : response.complete
            ? `找到与“${query}”相关的 ${response.total} 条结果${response.total > shown ? `，显示最相关的 ${shown} 条` : ''}。`
            : `找到与“${query}”相关的约 ${response.total} 条结果，显示其中 ${shown} 条。结果较多，可加词或用上面的筛选缩小范围。`;
    } catch {
      if (ticket === latest) status.textContent = '搜索暂时无法使用，请稍后再试，或从政策文件、任务清单等目录浏览。';
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  for (const select of selects) select.addEventListener('change', () => void run());
  void run();
}
