/**
 * How a chart is laid out at one width and text size, as pure decisions: bars
 * upright or horizontal, each category's label lines, the canvas height, and
 * the names of values that found no free place. The browser measures text
 * (client/chart-drawing.ts) and draws; this decides.
 */
import { formatChartValue, type ChartSpec } from './chart-types.ts';
import { dateTickLabels, fitsSideBySide, wrapLabels, type Measure } from './label-layout.ts';

export interface ChartPlan {
  horizontal: boolean;
  /** Each category's label, as the lines it is drawn in. */
  labels: string[][];
  /** CSS pixels the canvas needs in height. */
  height: number;
}

/** The largest value drawn (0 when there is none): the value axis must make room for it. */
export function largestValue(spec: Pick<ChartSpec, 'series'>): number {
  return Math.max(0, ...spec.series.flatMap((s) => s.values.map((v) => v ?? 0)));
}

/** Room above the plot, for the values drawn over the top bar or point (client/chart-drawing.ts pads by it). */
export const topPadding = (fontSize: number) => fontSize + 8;

/** Decides orientation, wrapped labels and height for a chart `width` pixels wide, its text `fontSize` pixels. */
export function planChart(spec: ChartSpec, width: number, fontSize: number, measure: Measure): ChartPlan {
  const lineHeight = Math.round(fontSize * 1.3);
  const withNotes = spec.categories.map((c, i) => (spec.categoryNotes?.[i] ? `${c}\n${spec.categoryNotes[i]}` : c));
  const axisRoom = measure(String(spec.valueAxis?.max ?? largestValue(spec))) + fontSize * 2.5;
  const slot = (width - axisRoom) / Math.max(spec.categories.length, 1);
  const horizontal = spec.kind === 'horizontal-bar' || (spec.kind === 'bar' && !fitsSideBySide(withNotes, slot * 0.92, measure, fontSize));
  const legendRows = spec.series.length > 1 ? Math.ceil(spec.series.reduce((w, s) => w + measure(s.label) + fontSize * 3, 0) / width) : 0;
  const legend = legendRows * (lineHeight + 10);
  if (horizontal) {
    const labels = wrapLabels(
      withNotes,
      Math.min(width * 0.42, Math.max(...withNotes.flatMap((l) => l.split('\n').map(measure)))),
      measure,
    );
    // chart.js gives every category the same height: enough for the label with the most lines. The rest of the
    // canvas holds the padding above and, below, the value axis and what chart.js keeps around the plot (about
    // three lines at 大字 on a phone; four are given); if it falls short, chart.js shrinks the rows, and a label
    // taller than its row overprints the next one.
    const rowHeight = Math.max(Math.max(...labels.map((l) => l.length)) * lineHeight + 12, fontSize * 2.2);
    return { horizontal, labels, height: Math.ceil(labels.length * rowHeight + topPadding(fontSize) + lineHeight * 4 + legend) };
  }
  // Dates get short labels (7/31, the year once) when full ones would wrap: a phone never shows 2023年 / 5月31 / 日.
  const labels =
    spec.categoryDates && !spec.categoryNotes
      ? dateTickLabels(spec.categoryDates, spec.categories, slot, measure)
      : wrapLabels(withNotes, Math.max(slot * 0.92, fontSize), measure);
  const lines = Math.max(...labels.map((l) => l.length));
  return { horizontal, labels, height: Math.ceil(Math.max(220, fontSize * 17) + lines * lineHeight + legend) };
}

/** The key of one drawn value: its series and category. */
export function valueKey(series: number, category: number): string {
  return `${series}:${category}`;
}

/** Values that found no place on the chart, each as 名称 (系列) 数值, to be named under it. */
export function unplacedValues(spec: Pick<ChartSpec, 'unit' | 'categories' | 'series'>, keys: readonly string[]): string[] {
  return keys.map((key) => {
    const [s, c] = key.split(':').map(Number) as [number, number];
    const series = spec.series.length > 1 ? spec.series[s]!.label : '';
    return `${spec.categories[c]}${series ? ` ${series}` : ''} ${formatChartValue(spec, spec.series[s]!, spec.series[s]!.values[c]!)}`;
  });
}

/** The note naming values that found no place on the chart; empty when every value is on it. */
export function unplacedNote(values: readonly string[]): string {
  return values.length === 0 ? '' : `图中放不下的数字：${values.join('；')}。`;
}
