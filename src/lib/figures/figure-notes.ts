/**
 * Notes on published figures, and the marks that lead to them from the text.
 * A figure gets a note when its published rate differs from its counts, or
 * when a later briefing revised it (or it revises an earlier one). In the
 * document body the figure itself is marked (89.5%※) and links to its note;
 * the mark is placed at render time inside the row's exact quote, so the
 * document's own words stay as published.
 */
import type { TrackerCounts } from '../../core/tracker-counts.ts';
import { checkPublishedRate, describeDisagreement } from './rates.ts';
import type { RevisionLinks } from './revisions.ts';

export interface NotedRow extends TrackerCounts {
  id: string;
  publishedRate?: number | undefined;
  /** The sentence of the briefing that published the figures, word for word. */
  quote: string;
}

export interface FigureNote {
  rowId: string;
  /** The figure as the text prints it: 89.5%. */
  figure: string;
  /** The anchor of the note on the page. */
  anchor: string;
  text: string;
}

const figureNoteAnchor = (rowId: string) => `note-${rowId}`;

/**
 * The notes of one briefing's rows. `revision` gives each row's revision links
 * and `describeSnapshot` names the other briefing's figure (e.g. 《…第4期》公布的数字).
 */
export function figureNotes(
  rows: readonly NotedRow[],
  revision: (id: string) => RevisionLinks | undefined,
  describeSnapshot: (id: string) => string,
): FigureNote[] {
  return rows.flatMap((row) => {
    const parts: string[] = [];
    const disagreement = describeDisagreement(checkPublishedRate(row, row.publishedRate));
    if (disagreement) parts.push(disagreement);
    const links = revision(row.id);
    if (links?.revisedBy) parts.push(`这组数字后来被${describeSnapshot(links.revisedBy)}修订，两者均照录，以后者为准。`);
    if (links?.revises) parts.push(`这组数字修订了${describeSnapshot(links.revises)}。`);
    if (parts.length === 0) return [];
    const figure = row.publishedRate !== undefined ? `${row.publishedRate}%` : `${row.total}项`;
    return [{ rowId: row.id, figure, anchor: figureNoteAnchor(row.id), text: parts.join('') }];
  });
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Marks `figure` inside `quote` in rendered HTML: the last occurrence of the
 * figure within the first occurrence of the quote becomes a link to the note,
 * followed by ※. Returns the HTML unchanged (and `marked: false`) when the
 * quote is not in the HTML as plain text.
 */
export function markFigure(
  html: string,
  quote: string,
  figure: string,
  link: { href: string; label: string },
): { html: string; marked: boolean } {
  const escapedQuote = escapeText(quote.trim());
  const start = html.indexOf(escapedQuote);
  if (start < 0) return { html, marked: false };
  const escapedFigure = escapeText(figure);
  const inQuote = escapedQuote.lastIndexOf(escapedFigure);
  if (inQuote < 0) return { html, marked: false };
  const at = start + inQuote;
  const attribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');
  const mark = `<a class="figure-note-mark" href="${attribute(link.href)}" title="${attribute(link.label)}">${escapedFigure}※</a>`;
  return { html: html.slice(0, at) + mark + html.slice(at + escapedFigure.length), marked: true };
}
