/**
 * What a chart is, as plain data (the spec every page, embed, download and the
 * browser's drawing read), and how its values are written. It imports nothing,
 * so the browser's chart script carries none of the build's schema code;
 * lib/charts/chart-specs.ts builds the specs from the validated rows.
 */
export type ChartKind = 'stacked-bar' | 'bar' | 'horizontal-bar' | 'line';

export interface ChartSeries {
  label: string;
  /** One value per category; null where the source publishes no figure. */
  values: (number | null)[];
  /** Decimals a value is shown with, for figures the site computed (79.0); published figures are shown as published. */
  decimals?: number;
}

export interface ChartSpec {
  /** Stable id: the figure's anchor and the CSV file name. */
  id: string;
  title: string;
  /** Unit of the values, e.g. 项 or %. */
  unit: string;
  /** ISO date the figures are as of, when they have one. */
  asOf?: string | undefined;
  source: { label: string; href: string };
  kind: ChartKind;
  categories: string[];
  series: ChartSeries[];
  /** The value axis's fixed range, e.g. 0–100 for rates; otherwise it follows the data. */
  valueAxis?: { min: number; max: number };
  /** ISO dates of the categories, when they are dates: phones show them short (7/31) with the year once. */
  categoryDates?: string[];
  /** Text drawn beside each category's bar, e.g. its published rate. */
  categoryNotes?: string[];
  /** What the chart shows in one or two sentences, for screen readers, when listing every value would be too long (see chartSummary). */
  summary?: string;
  /** Remarks shown under the title, e.g. a published rate that disagrees with its counts. */
  notes: string[];
  /** The chart's data as a table: shown on the page and downloaded as CSV. */
  table: { headers: string[]; rows: string[][] };
}

/** Who published a chart's figures and where: for its citation and its stand-alone image. */
export interface ChartCredit {
  /** The site path of the page the chart appears on: what its citation and image point to. */
  page: string;
  /** The offices that issued the figures (a document's 发文机关 or a briefing's 编印单位). */
  authors: string[];
  /** ISO date the figures were published. */
  published?: string | undefined;
  /** Each source document with the section the figures come from, named as the document names it. */
  sources: string[];
}

/** A chart with its credit, as pages show it and embeds and downloads carry it. */
export type CreditedChart = ChartSpec & { credit: ChartCredit };

/** A value as the chart writes it: with the series' decimals, and % for rates. */
export function formatChartValue(spec: Pick<ChartSpec, 'unit'>, series: Pick<ChartSeries, 'decimals'>, value: number): string {
  return `${series.decimals === undefined ? String(value) : value.toFixed(series.decimals)}${spec.unit === '%' ? '%' : ''}`;
}

/** A short description of the data, for screen readers and as the canvas fallback: each value as the chart writes it, with its unit. */
export function chartSummary(spec: ChartSpec): string {
  const parts = spec.categories.map((category, i) => {
    const values = spec.series
      .filter((s) => s.values[i] !== null && s.values[i] !== undefined)
      .map(
        (s) => `${spec.series.length > 1 ? s.label : ''}${formatChartValue(spec, s, s.values[i]!)}${spec.unit === '%' ? '' : spec.unit}`,
      );
    return `${category}：${values.join('，') || '无数据'}`;
  });
  return `${spec.title}。${parts.join('；')}。`;
}
