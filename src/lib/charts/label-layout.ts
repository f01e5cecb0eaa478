/**
 * Where a chart's text goes, as pure geometry: category labels wrapped to the
 * room they have, and each value label put at the first of its candidate
 * places that stays inside the plot and clear of every label already placed.
 * A value with no free place is reported, and the figure names it beside the
 * chart so it is read from the data table instead of overprinting another.
 * The browser code measures text and draws; this decides.
 */

/** Text width in pixels, as the canvas measures it at the chart's font. */
export type Measure = (text: string) => number;

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** True when two boxes share any area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function inside(box: Box, bounds: Box): boolean {
  return box.left >= bounds.left && box.right <= bounds.right && box.top >= bounds.top && box.bottom <= bounds.bottom;
}

/** Characters a line may not start with (closing punctuation), per Chinese typesetting. */
const NO_LINE_START = /^[，。、；：！？）》」』”’%％,.;:!?)\]]/;

/**
 * Splits text into pieces that may not be broken: a run of Latin letters,
 * digits and their signs (2023年 breaks after 2023, 89.5% stays whole), or one
 * CJK character with any closing punctuation after it.
 */
export function breakableUnits(text: string): string[] {
  const units: string[] = [];
  for (const match of text.matchAll(/[A-Za-z0-9.%≤≥=<>+\-–/]+|\s+|./gu)) {
    const piece = match[0];
    if (units.length > 0 && NO_LINE_START.test(piece)) units[units.length - 1] += piece;
    else units.push(piece);
  }
  return units;
}

/**
 * Greedy line wrapping to `maxWidth`. A single unit wider than the line is
 * broken by character, so no line is ever wider than `maxWidth` unless one
 * character is.
 */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim()) lines.push(line.trim());
    line = '';
  };
  for (const unit of breakableUnits(text)) {
    if (measure(line + unit) <= maxWidth) {
      line += unit;
      continue;
    }
    push();
    if (measure(unit) <= maxWidth) {
      line = unit.trimStart();
      continue;
    }
    for (const char of unit) {
      if (line && measure(line + char) > maxWidth) push();
      line += char;
    }
  }
  push();
  return lines.length > 0 ? lines : [''];
}

/** Wraps every label to the same width; the result's widest line never exceeds it. */
export function wrapLabels(labels: readonly string[], maxWidth: number, measure: Measure): string[][] {
  return labels.map((label) => label.split('\n').flatMap((part) => wrapText(part, maxWidth, measure)));
}

/** The box of a label of the given size centred on a point. */
export function boxAround(x: number, y: number, width: number, height: number): Box {
  return { left: x - width / 2, top: y - height / 2, right: x + width / 2, bottom: y + height / 2 };
}

export interface LabelRequest {
  key: string;
  width: number;
  height: number;
  /** Centres to try, best first. */
  candidates: readonly { x: number; y: number }[];
}

export interface LabelPlacement {
  placed: { key: string; x: number; y: number; box: Box }[];
  /** Keys of labels that had no free place. */
  unplaced: string[];
}

/**
 * Places labels in order, each at its first candidate inside `bounds` that
 * overlaps neither a label placed before it nor an obstacle (with `gap`
 * pixels of clearance). No two placed boxes ever overlap.
 */
export function placeLabels(requests: readonly LabelRequest[], bounds: Box, obstacles: readonly Box[] = [], gap = 2): LabelPlacement {
  const taken: Box[] = obstacles.map((o) => ({ ...o }));
  const placed: LabelPlacement['placed'] = [];
  const unplaced: string[] = [];
  for (const request of requests) {
    const spot = request.candidates
      .map((c) => ({ ...c, box: boxAround(c.x, c.y, request.width, request.height) }))
      .find(({ box }) => {
        const padded = { left: box.left - gap, top: box.top - gap, right: box.right + gap, bottom: box.bottom + gap };
        return inside(box, bounds) && !taken.some((t) => overlaps(padded, t));
      });
    if (spot) {
      taken.push(spot.box);
      placed.push({ key: request.key, x: spot.x, y: spot.y, box: spot.box });
    } else unplaced.push(request.key);
  }
  return { placed, unplaced };
}

/** A drawn bar as a box: from its base to its value, as wide (or, horizontal, as tall) as chart.js drew it. */
export function barBox(bar: { x: number; y: number; base: number; width: number; height: number }, horizontal: boolean): Box {
  const { x, y, base, width, height } = bar;
  return horizontal
    ? { left: Math.min(base, x), right: Math.max(base, x), top: y - height / 2, bottom: y + height / 2 }
    : { left: x - width / 2, right: x + width / 2, top: Math.min(y, base), bottom: Math.max(y, base) };
}

/**
 * Drops the candidate places where a value would cover a bar or point other
 * than its own (`owner` is the key of the value a mark belongs to): outside
 * its own bar a value must not hide another.
 */
export function clearOfOtherMarks<T extends LabelRequest>(requests: readonly T[], marks: readonly (Box & { owner: string })[]): T[] {
  return requests.map((r) => ({
    ...r,
    candidates: r.candidates.filter((c) => !marks.some((m) => m.owner !== r.key && overlaps(boxAround(c.x, c.y, r.width, r.height), m))),
  }));
}

/** Candidate centres for the value of a bar segment: inside it when it fits, else beside it, then just outside its ends. */
export function segmentCandidates(bar: Box, width: number, height: number, horizontal: boolean): { x: number; y: number }[] {
  const cx = (bar.left + bar.right) / 2;
  const cy = (bar.top + bar.bottom) / 2;
  const fitsInside = bar.right - bar.left >= width + 4 && bar.bottom - bar.top >= height + 2;
  // Beside the segment, level with it first, then shifted along the bar (a neighbour may hold the level place).
  const beside = horizontal
    ? [-1, 1].flatMap((side) =>
        [0, -1, 1].map((shift) => ({ x: cx + shift * width, y: side < 0 ? bar.top - height / 2 - 2 : bar.bottom + height / 2 + 2 })),
      )
    : [1, -1].flatMap((side) =>
        [0, -1, 1].map((shift) => ({ x: side > 0 ? bar.right + width / 2 + 3 : bar.left - width / 2 - 3, y: cy + shift * height })),
      );
  return fitsInside ? [{ x: cx, y: cy }, ...beside] : beside;
}

/** Candidate centres for the value at the end of a bar (or a line's point): past its end, then inside the end, then around. */
export function endCandidates(bar: Box, width: number, height: number, horizontal: boolean): { x: number; y: number }[] {
  if (horizontal) {
    const cy = (bar.top + bar.bottom) / 2;
    return [
      { x: bar.right + width / 2 + 4, y: cy },
      { x: bar.right - width / 2 - 4, y: cy },
    ];
  }
  const cx = (bar.left + bar.right) / 2;
  return [
    { x: cx, y: bar.top - height / 2 - 4 },
    { x: cx, y: bar.top + height / 2 + 4 },
    { x: bar.right + width / 2 + 4, y: bar.top },
    { x: bar.left - width / 2 - 4, y: bar.top },
  ];
}

/** The widest piece of any label that may not be broken across lines. */
function widestUnit(labels: readonly string[], measure: Measure): number {
  return Math.max(0, ...labels.flatMap((label) => breakableUnits(label)).map((unit) => measure(unit.trim())));
}

/**
 * Whether categories can stand side by side in slots `slotWidth` wide: every
 * unbreakable piece must fit, and at least `minChars` characters a line, or
 * labels would wrap into towers. Otherwise the bars are drawn horizontally.
 */
export function fitsSideBySide(labels: readonly string[], slotWidth: number, measure: Measure, fontSize: number, minChars = 4): boolean {
  return slotWidth >= Math.max(widestUnit(labels, measure), minChars * fontSize);
}

/** A date as a short tick label: 2023-07-31 → 7/31. */
export function shortDate(iso: string): string {
  const [, month, day] = iso.split('-').map(Number);
  return `${month}/${day}`;
}

/**
 * Tick labels for categories that are dates, in a slot `slotWidth` wide.
 * Full dates (2023年7月31日) when each fits on one line; otherwise short ones
 * (7/31) with the year as a second line under the first label of each year,
 * so no label has more than two lines. When even short labels do not fit
 * side by side, only every k-th is written (the others are empty), so they
 * never overprint one another.
 */
export function dateTickLabels(
  dates: readonly string[],
  full: readonly string[],
  slotWidth: number,
  measure: Measure,
  gap = 6,
): string[][] {
  if (full.every((label) => measure(label) + gap <= slotWidth)) return full.map((label) => [label]);
  const widest = Math.max(0, ...dates.map((d) => Math.max(measure(shortDate(d)), measure(`${d.slice(0, 4)}年`))));
  const step = Math.max(1, Math.ceil((widest + gap) / Math.max(slotWidth, 1)));
  let lastYear = '';
  return dates.map((date, i) => {
    if (i % step !== 0) return [''];
    const year = date.slice(0, 4);
    const label = year === lastYear ? [shortDate(date)] : [shortDate(date), `${year}年`];
    lastYear = year;
    return label;
  });
}
