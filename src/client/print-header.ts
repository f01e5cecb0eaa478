/**
 * The header every printed page carries (site name, full address, print
 * date): the address is the page's own when the build had no SITE_URL, and
 * the date is the day of printing. Without JavaScript the date is left as a
 * blank to fill in by hand.
 */
import { formatChineseDate } from '../core/dates.ts';
import { localIsoDate } from '../lib/citation.ts';

const cssString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;

/** Puts the address and the date into the top margin of every printed sheet; false where the browser cannot. */
function marginRule(siteName: string, address: string, date: string): boolean {
  const sheet = [...document.styleSheets].find((s) => s.media.mediaText === 'print');
  if (!sheet) return false;
  const rule = `@page { @top-left { content: ${cssString(`${siteName}　${address}`)}; font-size: 8pt; color: #000; } @top-right { content: ${cssString(`打印日期：${date}`)}; font-size: 8pt; color: #000; } }`;
  const previous = [...sheet.cssRules].findIndex((r) => r.cssText.includes('打印日期'));
  if (previous >= 0) sheet.deleteRule(previous);
  sheet.insertRule(rule, sheet.cssRules.length);
  return true;
}

export function fillPrintHeader(): void {
  const header = document.querySelector<HTMLElement>('.print-header');
  const url = document.querySelector<HTMLElement>('[data-print-url]');
  const date = document.querySelector<HTMLElement>('[data-print-date]');
  const fill = () => {
    if (url && !url.textContent?.trim()) url.textContent = window.location.href.replace(/#.*$/, '');
    const today = formatChineseDate(localIsoDate(new Date()));
    if (date) date.textContent = today;
    try {
      // With the margin filled on every sheet, the header block would repeat it on the first.
      if (marginRule(header?.firstElementChild?.textContent ?? '', url?.textContent ?? window.location.href, today))
        header?.setAttribute('data-in-margin', '');
    } catch {
      // A browser without page-margin rules still prints the header block on the first sheet.
    }
  };
  fill();
  window.addEventListener('load', fill);
  window.addEventListener('beforeprint', () => {
    fill();
    // Charts print with their tables.
    for (const details of document.querySelectorAll<HTMLDetailsElement>('details.chart-data:not([open])')) {
      details.open = true;
      window.addEventListener('afterprint', () => (details.open = false), { once: true });
    }
  });
}
