/**
 * A chart image that stands alone: the same layout for the PNG and the SVG
 * download, at a fixed width whatever the reader's screen, carrying the
 * title, unit and as-of date above the chart and, below it, any caveat, the
 * source document and section, the full address and the site's name.
 */
import { wrapText } from './label-layout.ts';

/** Width of every exported image, in CSS pixels (PNGs are drawn at twice this). */
export const EXPORT_WIDTH = 1200;
const MARGIN = 40;
/** The chart's own width inside the image. */
export const EXPORT_CHART_WIDTH = EXPORT_WIDTH - 2 * MARGIN;

export interface ExportText {
  text: string;
  /** Left edge and baseline-middle of the line. */
  x: number;
  y: number;
  size: number;
  bold: boolean;
}

export interface ExportLayout {
  width: number;
  height: number;
  texts: ExportText[];
  chart: { x: number; y: number; width: number; height: number };
}

export interface ExportContent {
  title: string;
  /** 单位：项　截至 2023年7月31日 */
  meta: string;
  /** Caveats on the figures, e.g. a published rate its counts do not give. */
  notes: readonly string[];
  /** 来源：document and section, one line each. */
  sources: readonly string[];
  url: string;
  siteName: string;
  chartHeight: number;
}

/** Text width at a font size (and weight), as the drawing surface measures it. */
export type SizedMeasure = (text: string, size: number, bold: boolean) => number;

export function exportLayout(content: ExportContent, measure: SizedMeasure): ExportLayout {
  const texts: ExportText[] = [];
  let y = MARGIN;
  const block = (text: string, size: number, bold = false, gapAfter = 0) => {
    for (const line of wrapText(text, EXPORT_CHART_WIDTH, (t) => measure(t, size, bold))) {
      const lineHeight = Math.round(size * 1.45);
      texts.push({ text: line, x: MARGIN, y: y + lineHeight / 2, size, bold });
      y += lineHeight;
    }
    y += gapAfter;
  };
  block(content.title, 30, true, 4);
  block(content.meta, 20, false, 16);
  const chart = { x: MARGIN, y, width: EXPORT_CHART_WIDTH, height: content.chartHeight };
  y += content.chartHeight + 20;
  for (const note of content.notes) block(`注：${note}`, 18);
  if (content.notes.length > 0) y += 8;
  for (const source of content.sources) block(`来源：${source}`, 18);
  block(`网址：${content.url}`, 18);
  block(content.siteName, 18, true);
  return { width: EXPORT_WIDTH, height: Math.ceil(y + MARGIN - 10), texts, chart };
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The SVG form: every line of text as real text (searchable and selectable),
 * the chart itself as the embedded PNG image `chartImage` (a data: URL).
 */
export function exportSvg(layout: ExportLayout, chartImage: string, fontFamily: string): string {
  const { chart } = layout;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...layout.texts.map(
      (t) =>
        `<text x="${t.x}" y="${t.y}" dominant-baseline="middle" font-family="${xml(fontFamily)}" font-size="${t.size}"${t.bold ? ' font-weight="bold"' : ''} fill="#1a1a1a">${xml(t.text)}</text>`,
    ),
    `<image x="${chart.x}" y="${chart.y}" width="${chart.width}" height="${chart.height}" href="${xml(chartImage)}" xlink:href="${xml(chartImage)}"/>`,
    '</svg>',
  ].join('\n');
}
