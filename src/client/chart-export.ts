/**
 * The image downloads of a chart (PNG, SVG): the chart drawn off screen at a
 * fixed width and text size, with its title, unit, date, notes, sources and
 * address around it (lib/charts/export-layout.ts), so the image stands alone
 * wherever it is pasted. The buttons appear once the script has run.
 */
import type { CreditedChart } from '../lib/charts/chart-types.ts';
import { unplacedNote } from '../lib/charts/chart-plan.ts';
import { EXPORT_CHART_WIDTH, exportLayout, exportSvg } from '../lib/charts/export-layout.ts';
import { SITE_NAME } from '../lib/site.ts';
import { drawChart, FONT, INK, measurer, planDrawing, type Drawing } from './chart-drawing.ts';

/** Text size of the exported images' charts, whatever the reader's setting. */
const EXPORT_TEXT_SIZE = 18;

/** The chart alone, drawn off screen at the export width. */
function exportChart(spec: CreditedChart): { canvas: HTMLCanvasElement; drawing: Drawing } {
  const drawing = planDrawing(spec, EXPORT_CHART_WIDTH, EXPORT_TEXT_SIZE);
  const canvas = document.createElement('canvas');
  canvas.width = EXPORT_CHART_WIDTH;
  canvas.height = drawing.height;
  drawChart(canvas, drawing, false);
  return { canvas, drawing };
}

/** The stand-alone image of a chart: its layout, the chart, and the PNG canvas drawn from them. */
function drawExport(figure: HTMLElement, spec: CreditedChart): { png: HTMLCanvasElement; svg: () => string } {
  const { canvas: chartCanvas, drawing } = exportChart(spec);
  const date = figure.querySelector('.chart-meta time')?.textContent;
  const url = new URL(figure.dataset.url ?? `#${spec.id}`, window.location.href).href;
  const measure = (text: string, size: number, bold: boolean) => measurer(size, bold)(text);
  const layout = exportLayout(
    {
      title: spec.title,
      meta: `单位：${spec.unit}${date ? `　截至 ${date}` : ''}`,
      notes: [...spec.notes, ...(drawing.unplaced.length > 0 ? [unplacedNote(drawing.unplaced)] : [])],
      sources: spec.credit.sources,
      url,
      siteName: SITE_NAME,
      chartHeight: drawing.height,
    },
    measure,
  );
  const scale = 2;
  const png = document.createElement('canvas');
  png.dataset.exportOf = spec.id;
  png.width = layout.width * scale;
  png.height = layout.height * scale;
  const ctx = png.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.fillStyle = INK;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const t of layout.texts) {
    ctx.font = `${t.bold ? 'bold ' : ''}${t.size}px ${FONT}`;
    ctx.fillText(t.text, t.x, t.y);
  }
  ctx.drawImage(chartCanvas, layout.chart.x, layout.chart.y, layout.chart.width, layout.chart.height);
  return { png, svg: () => exportSvg(layout, chartCanvas.toDataURL('image/png'), FONT) };
}

function download(name: string, href: string): void {
  const link = document.createElement('a');
  link.download = name;
  link.href = href;
  link.click();
}

/** Shows the figure's PNG and SVG buttons (hidden until this script runs) and makes them download the stand-alone image. */
export function enableDownloads(figure: HTMLElement, spec: CreditedChart): void {
  const png = figure.querySelector<HTMLButtonElement>('button.chart-png');
  const svg = figure.querySelector<HTMLButtonElement>('button.chart-svg');
  if (png && png.hidden) {
    png.hidden = false;
    png.addEventListener('click', () => download(`${spec.id}.png`, drawExport(figure, spec).png.toDataURL('image/png')));
  }
  if (svg && svg.hidden) {
    svg.hidden = false;
    svg.addEventListener('click', () => {
      const blob = new Blob([drawExport(figure, spec).svg()], { type: 'image/svg+xml' });
      const href = URL.createObjectURL(blob);
      download(`${spec.id}.svg`, href);
      setTimeout(() => URL.revokeObjectURL(href), 1000);
    });
  }
}
