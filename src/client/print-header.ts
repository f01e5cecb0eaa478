/**
 * The header every printed page carries (site name, full address, print
 * date): the address is the page's own when the build had no SITE_URL, and
 * the date is the day of printing. Without JavaScript the date is left as a
 * blank to fill in by hand.
 */
import { formatChineseDate } from '../core/dates.ts';
import { localIsoDate } from '../lib/citation.ts';

export function fillPrintHeader(): void {
  const url = document.querySelector<HTMLElement>('[data-print-url]');
  const date = document.querySelector<HTMLElement>('[data-print-date]');
  const fill = () => {
    if (url && !url.textContent?.trim()) url.textContent = window.location.href.replace(/#.*$/, '');
    if (date) date.textContent = formatChineseDate(localIsoDate(new Date()));
  };
  fill();
  window.addEventListener('beforeprint', () => {
    fill();
    // Charts print with their tables.
    for (const details of document.querySelectorAll<HTMLDetailsElement>('details.chart-data:not([open])')) {
      details.open = true;
      window.addEventListener('afterprint', () => (details.open = false), { once: true });
    }
  });
}
