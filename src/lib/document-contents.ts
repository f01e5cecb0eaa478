/** Which of a document's headings its table of contents lists: levels 2 to 4 (the title is level 1). */
export function contentsHeadings<H extends { depth: number }>(headings: readonly H[]): H[] {
  return headings.filter((h) => h.depth >= 2 && h.depth <= 4);
}
