/**
 * Long listings and task lists are split into pages so that no page grows
 * with the size of the programme. Page 1 is the listing's own address; page n
 * is `<base><n>/`, as Astro's paginate() writes them with trailing slashes.
 */
import { routes } from './routes.ts';

/** Policies, briefings and task lists per page of a listing. */
export const LISTING_PAGE_SIZE = 100;

/**
 * Task rows per page of one list: a list of this many rows renders to about
 * 130 KB of HTML, within the 250 KB page budget, and most lists fit on one page.
 */
export const TASK_ROWS_PER_PAGE = 200;

/**
 * Title and breadcrumbs of page `page` of the listing `label` at `base`:
 * page 1 is the listing itself, later pages name their number.
 */
export function listingPageHead(
  label: string,
  base: string,
  page: number,
  parents: readonly { label: string; href: string }[] = [],
): { title: string; crumbs: { label: string; href?: string }[] } {
  return page <= 1
    ? { title: label, crumbs: [...parents, { label }] }
    : { title: `${label}（第${page}页）`, crumbs: [...parents, { label, href: base }, { label: `第${page}页` }] };
}

/** Which page (from 1) holds the item at `position` (from 0). */
export function pageOfPosition(position: number, pageSize: number): number {
  return Math.floor(position / pageSize) + 1;
}

/**
 * The link to every row of a task list, by row number: rows are shown in
 * number order, TASK_ROWS_PER_PAGE to a page, each with the anchor `r<number>`.
 */
export function taskRowLinks(list: string, numbers: Iterable<number>): Map<number, string> {
  const sorted = [...numbers].sort((a, b) => a - b);
  return new Map(sorted.map((n, position) => [n, routes.taskList(list, pageOfPosition(position, TASK_ROWS_PER_PAGE), `r${n}`)]));
}

/**
 * Page numbers to offer around the current one: always the first and last,
 * the current and its neighbours; `undefined` marks a gap shown as "…".
 */
export function pageLinks(current: number, last: number, around = 2): (number | undefined)[] {
  const pages: (number | undefined)[] = [];
  for (let n = 1; n <= last; n++) {
    if (n === 1 || n === last || Math.abs(n - current) <= around) pages.push(n);
    else if (pages.at(-1) !== undefined) pages.push(undefined);
  }
  return pages;
}

/**
 * Items split into pages in order, whole items only: each page takes items
 * while their sizes add up to at most `pageSize`; an item larger than a page
 * gets a page of its own. Always at least one page.
 */
export function pageGroups<T>(items: readonly T[], size: (item: T) => number, pageSize: number): T[][] {
  const pages: T[][] = [[]];
  let filled = 0;
  for (const item of items) {
    const n = size(item);
    if (filled > 0 && filled + n > pageSize) {
      pages.push([]);
      filled = 0;
    }
    pages.at(-1)!.push(item);
    filled += n;
  }
  return pages;
}
