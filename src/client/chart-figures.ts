/**
 * Draws every <figure data-chart> on the page from its JSON spec, and offers
 * its image downloads. This script is only on pages that show a chart.
 *
 * Text follows the page's text size (大字 included) and the room the chart
 * has: category labels wrap (lib/charts/label-layout.ts), a chart whose
 * categories do not fit side by side turns its bars horizontal
 * (lib/charts/chart-plan.ts), and every value is placed where it overprints
 * nothing; a value with no such place is named under the chart and read from
 * the table. Charts are redrawn when their width or the text size changes.
 * Drawing is in client/chart-drawing.ts, the downloads in client/chart-export.ts.
 */
import type { Chart } from 'chart.js';
import type { CreditedChart } from '../lib/charts/chart-types.ts';
import { unplacedNote } from '../lib/charts/chart-plan.ts';
import { drawChart, planDrawing, type Drawing } from './chart-drawing.ts';
import { enableDownloads } from './chart-export.ts';

/** Chart text relative to the page's text: 13 px on a 16 px page. */
const CHART_TEXT_SCALE = 0.8125;

/** The page's text size in pixels, which 大字 enlarges. */
function pageTextSize(element: Element): number {
  return Math.round(parseFloat(getComputedStyle(element).fontSize) * CHART_TEXT_SCALE);
}

function showUnplaced(figure: HTMLElement, drawing: Drawing): void {
  const note = figure.querySelector<HTMLElement>('.chart-unplaced');
  if (!note) return;
  note.hidden = drawing.unplaced.length === 0;
  note.textContent = drawing.unplaced.length === 0 ? '' : `${unplacedNote(drawing.unplaced)}详见下方数据表。`;
}

interface Drawn {
  chart: Chart;
  width: number;
  fontSize: number;
}
const drawn = new WeakMap<HTMLElement, Drawn>();

function drawFigure(figure: HTMLElement, spec: CreditedChart, canvas: HTMLCanvasElement): void {
  const holder = canvas.parentElement!;
  const width = holder.clientWidth;
  const fontSize = pageTextSize(figure);
  const previous = drawn.get(figure);
  if (previous && Math.abs(previous.width - width) < 2 && previous.fontSize === fontSize) return;
  previous?.chart.destroy();
  const drawing = planDrawing(spec, width, fontSize);
  // Set through the CSSOM, which the Content-Security-Policy allows (no style attribute in the markup).
  holder.style.height = `${drawing.height}px`;
  const chart = drawChart(canvas, drawing, true);
  drawn.set(figure, { chart, width, fontSize });
  showUnplaced(figure, drawing);
}

const figures: { figure: HTMLElement; spec: CreditedChart; canvas: HTMLCanvasElement }[] = [];

function redrawAll(): void {
  for (const { figure, spec, canvas } of figures) drawFigure(figure, spec, canvas);
}

export function drawCharts(): void {
  for (const figure of document.querySelectorAll<HTMLElement>('figure[data-chart]')) {
    if (figure.dataset.drawn) continue;
    const specElement = figure.querySelector('script.chart-spec');
    const canvas = figure.querySelector('canvas');
    if (!specElement?.textContent || !canvas) continue;
    const spec = JSON.parse(specElement.textContent) as CreditedChart;
    figures.push({ figure, spec, canvas });
    drawFigure(figure, spec, canvas);
    figure.dataset.drawn = 'true';
    // The chart is drawn: the table becomes optional reading (print opens it again).
    figure.querySelector('details.chart-data')?.removeAttribute('open');
    enableDownloads(figure, spec);
    new ResizeObserver(() => drawFigure(figure, spec, canvas)).observe(canvas.parentElement!.parentElement!);
  }
  // 大字 changes the page's text size: the charts follow.
  new MutationObserver(redrawAll).observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
}
