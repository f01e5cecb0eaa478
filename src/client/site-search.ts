/**
 * The search page: loads the index on the first query, searches it with
 * lib/search/search-shards.ts (query understanding, candidates by character
 * pairs, ranking from exact to approximate) and lists the results with their
 * facets, what was searched instead of the query as typed, corrections to
 * try, and ways to browse when nothing holds the query whole. Results are
 * announced to screen readers through a live region.
 */
import type { Facet } from '../lib/search/phrase-search.ts';
import {
  openSearchIndex,
  queryShardedIndex,
  runtimeSegmenter,
  type SearchIndex,
  type ShardedSearchResponse,
} from '../lib/search/search-shards.ts';
import { SearchIndexVersionError, type SearchIndexMeta } from '../lib/search/search-index-format.ts';
import { explainSearch, searchStatus } from '../lib/search/search-explanation.ts';
import { href, routes } from '../lib/routes.ts';
import type { AnswerCard } from '../lib/search/answer-cards.ts';
import { citation } from '../lib/citation.ts';
import { enableCopying } from './press-copy.ts';

const ANSWER_KIND_LABEL = { responsible: '责任分工', figure: '进展数字', target: '量化目标', policy: '政策文件' } as const;

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

let indexPromise: Promise<SearchIndex> | undefined;

function loadIndex() {
  indexPromise ??= load('meta.json').then((text) =>
    openSearchIndex({ meta: JSON.parse(text) as SearchIndexMeta, load, segment: runtimeSegmenter() }),
  );
  indexPromise.catch(() => (indexPromise = undefined));
  return indexPromise;
}

async function searchSite(query: string, filters: Partial<Record<Facet, string>>, sortByDate: boolean): Promise<ShardedSearchResponse> {
  return queryShardedIndex(await loadIndex(), query, { filters, sortByDate, limit: PAGE_SIZE });
}

/** 您是不是要找 with a link per correction, and the line saying how the query was searched. */
function renderExplanation(
  elements: { understood: HTMLElement; suggestions: HTMLElement; browse: HTMLElement },
  query: string,
  response: ShardedSearchResponse,
): void {
  const explanation = explainSearch(query, response);
  elements.understood.textContent = explanation.searchedAs ?? '';
  elements.understood.hidden = !explanation.searchedAs;
  elements.suggestions.replaceChildren();
  if (explanation.suggestions.length > 0) {
    elements.suggestions.append('您是不是要找：');
    explanation.suggestions.forEach((suggestion, i) => {
      const link = document.createElement('a');
      link.href = searchLink(suggestion);
      link.textContent = suggestion;
      elements.suggestions.append(...(i > 0 ? ['、', link] : [link]));
    });
  }
  elements.suggestions.hidden = explanation.suggestions.length === 0;
  elements.browse.hidden = !explanation.offerBrowsing;
}

const searchLink = (query: string) => `${href(routes.search())}?${new URLSearchParams({ q: query })}`;

/** 按拼音 zwfw 查找：政务服务, and the other readings as links. */
function renderPinyin(element: HTMLElement, lines: ReturnType<typeof explainSearch>['pinyin']): void {
  element.replaceChildren();
  lines.forEach((line, i) => {
    if (i > 0) element.append('；');
    element.append(line.line);
    if (line.others.length === 0) return;
    element.append('（也可以按：');
    line.others.forEach((other, n) => {
      const link = document.createElement('a');
      link.href = searchLink(other);
      link.textContent = other;
      element.append(...(n > 0 ? ['、', link] : [link]));
    });
    element.append('）');
  });
  element.hidden = lines.length === 0;
}

/** The answer card: each entry's rows, its quote and note, a link to the exact section and the citation with its copy buttons. */
function renderCard(element: HTMLElement, card: AnswerCard | undefined): void {
  element.replaceChildren();
  element.hidden = !card;
  if (!card) return;
  element.dataset.kind = card.kind;
  const heading = document.createElement('h2');
  heading.textContent = `${ANSWER_KIND_LABEL[card.kind]}：${card.title}`;
  element.append(heading);
  for (const entry of card.entries) {
    const block = document.createElement('div');
    block.className = 'answer-entry';
    const list = document.createElement('dl');
    for (const row of entry.rows) {
      const term = document.createElement('dt');
      term.textContent = row.label;
      const value = document.createElement('dd');
      value.textContent = row.value;
      list.append(term, value);
    }
    // One entry's heading repeats the card's title, except a policy's 文号.
    if (card.entries.length > 1 || card.kind === 'policy') {
      const title = document.createElement('h3');
      title.textContent = entry.heading;
      block.append(title);
    }
    block.append(list);
    if (entry.quote) {
      const quote = document.createElement('blockquote');
      quote.textContent = `原文：${entry.quote}`;
      block.append(quote);
    }
    if (entry.note) {
      const note = document.createElement('p');
      note.className = 'note';
      note.textContent = entry.note;
      block.append(note);
    }
    const source = document.createElement('p');
    const link = document.createElement('a');
    link.href = href(entry.url);
    link.textContent = `查看出处：${entry.source.title}`;
    source.append(link);
    block.append(source, citationBlock(entry.source, href(entry.url)));
    element.append(block);
  }
  enableCopying();
}

/** The same citation block as chart pages (components/citation-block.astro), its copy buttons enabled by press-copy.ts. */
function citationBlock(source: AnswerCard['entries'][number]['source'], path: string): HTMLElement {
  const url = new URL(path, location.href).href;
  const { gbt, plain } = citation({ ...source, url });
  const block = document.createElement('div');
  block.className = 'cite';
  block.dataset.citation = JSON.stringify(source);
  block.dataset.url = url;
  const line = (label: string, cls: string, text: string) => {
    const p = document.createElement('p');
    const form = document.createElement('span');
    form.className = 'cite-form';
    form.textContent = label;
    const value = document.createElement('span');
    value.className = cls;
    value.textContent = text;
    p.append(form, value);
    return p;
  };
  const head = document.createElement('p');
  head.className = 'cite-heading';
  head.textContent = '引用该答案：';
  const actions = document.createElement('p');
  actions.className = 'cite-actions no-print';
  actions.hidden = true;
  const button = (copy: string, text: string) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.copy = copy;
    b.textContent = text;
    return b;
  };
  const status = document.createElement('span');
  status.className = 'cite-status';
  status.setAttribute('role', 'status');
  actions.append(button('gbt', '复制 GB/T 7714 格式'), button('plain', '复制一行引用'), status);
  block.append(head, line('GB/T 7714：', 'cite-gbt', gbt), line('一行：', 'cite-plain', plain), actions);
  return block;
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
    select.replaceChildren(
      all,
      ...values.map(([value, count]) => new Option(`${value}（${count}）`, value, false, selected[facet] === value)),
    );
  }
}

export function startSearchPage(): void {
  const app = document.getElementById('search-app');
  const form = document.getElementById('search-form') as HTMLFormElement | null;
  const input = document.getElementById('search-page-input') as HTMLInputElement | null;
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results') as HTMLOListElement | null;
  const understood = document.getElementById('search-understood');
  const suggestions = document.getElementById('search-suggestions');
  const browse = document.getElementById('search-browse');
  const pinyin = document.getElementById('search-pinyin');
  const answer = document.getElementById('search-answer');
  if (!app || !form || !input || !status || !list || !understood || !suggestions || !browse || !pinyin || !answer) return;
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
    const selected = Object.fromEntries(selects.filter((s) => s.dataset.facet).map((s) => [s.dataset.facet!, s.value])) as Partial<
      Record<Facet, string>
    >;
    const sortByDate = selects.find((s) => s.name === 'sort')?.value === 'date';
    const next = new URLSearchParams({ q: query, ...Object.fromEntries(selects.filter((s) => s.value).map((s) => [s.name, s.value])) });
    history.replaceState(null, '', `?${next}`);
    if (!query) {
      status.textContent = '请输入要搜索的词，例如单位名称、改革事项或数字。';
      list.replaceChildren();
      understood.hidden = suggestions.hidden = browse.hidden = pinyin.hidden = answer.hidden = true;
      return;
    }
    const ticket = ++latest;
    status.textContent = '正在搜索……';
    try {
      const response = await searchSite(query, selected, sortByDate);
      if (ticket !== latest) return;
      fillFacets(app, response.facets, selected);
      renderResults(list, response);
      renderExplanation({ understood, suggestions, browse }, query, response);
      renderPinyin(pinyin, explainSearch(query, response).pinyin);
      renderCard(answer, response.card);
      status.textContent = searchStatus(query, response);
    } catch (error) {
      if (ticket !== latest) return;
      status.textContent =
        error instanceof SearchIndexVersionError ? error.message : '搜索暂时无法使用，请稍后再试，或从政策文件、任务清单等目录浏览。';
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  for (const select of selects) select.addEventListener('change', () => void run());
  void run();
}
