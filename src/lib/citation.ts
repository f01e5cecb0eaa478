/**
 * Citations of what the site publishes — a chart, a published figure, a
 * document, a dataset — in two forms: GB/T 7714-2015's form for an
 * electronic resource, with the office that issued the figures as author,
 *
 *   责任者. 题名[EB/OL]. (发布日期)[引用日期]. URL.
 *
 * and one plain line for a news story. The access date (引用日期) is the day
 * the reader cites the page: pages show a placeholder, and the copy button
 * fills in the reader's own date.
 */
import { formatChineseDate } from '../core/dates.ts';

/** What the page shows in place of the access date until a reader copies the citation. */
export const ACCESS_DATE_PLACEHOLDER = '引用日期';

export interface CitationSource {
  /** The issuing offices, in order; more than three are cut to three and 等 (GB/T 7714-2015 8.1.2). */
  authors: readonly string[];
  title: string;
  /** ISO date the resource was published, when it has one. */
  published?: string | undefined;
  /** The full address (with the anchor of the exact figure, where there is one). */
  url: string;
}

export interface Citation {
  gbt: string;
  plain: string;
}

const MAX_AUTHORS = 3;

function authorList(authors: readonly string[], separator: string): string {
  const unique = [...new Set(authors.map((a) => a.trim()).filter(Boolean))];
  if (unique.length === 0) throw new Error('a citation needs at least one issuing office');
  return unique.length > MAX_AUTHORS
    ? `${unique.slice(0, MAX_AUTHORS).join(separator)}${separator === ', ' ? ', ' : ''}等`
    : unique.join(separator);
}

/**
 * A title as it goes between 《》: book-title marks already in it become the
 * inner marks 〈〉, so a title never nests 《《》》.
 */
export function bookTitle(title: string): string {
  return `《${title.trim().replace(/《/g, '〈').replace(/》/g, '〉')}》`;
}

/** YYYY-MM-DD, the date form GB/T 7714 uses; a placeholder when the date is not known yet. */
function isoDay(date: string | undefined): string {
  if (date === undefined) return ACCESS_DATE_PLACEHOLDER;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`not an ISO date: ${date}`);
  return date;
}

/** Both forms of a citation; `accessed` is the reader's date (ISO), or the placeholder is shown. */
export function citation(source: CitationSource, accessed?: string): Citation {
  const title = source.title.trim();
  // Titles inside the GB/T form stand bare; a trailing full stop would double the separator.
  const bare = title.replace(/[。.]$/, '');
  const published = source.published ? `(${isoDay(source.published)})` : '';
  const gbt = `${authorList(source.authors, ', ')}. ${bare}[EB/OL]. ${published}[${isoDay(accessed)}]. ${source.url}.`;
  const plain =
    [
      `${authorList(source.authors, '、')}${bookTitle(bare)}`,
      source.published ? `${formatChineseDate(source.published)}发布` : undefined,
      `${source.url}`,
      accessed ? `${formatChineseDate(accessed)}访问` : `访问日期：${ACCESS_DATE_PLACEHOLDER}`,
    ]
      .filter(Boolean)
      .join('，') + '。';
  return { gbt, plain };
}

/** Today's date where the reader is, as ISO: what the copy button fills in. */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
