/**
 * Draws every <figure data-chart> on the page from its JSON spec. Only the
 * chart.js parts used are registered, so the bundle stays small, and this
 * script is only on pages that show a chart.
 *
 * Text follows the page's text size (大字 included) and the room the chart
 * has: category labels wrap (lib/charts/label-layout.ts), a chart whose
 * categories do not fit side by side turns its bars horizontal, and every
 * value is placed where it overprints nothing; a value with no such place is
 * named under the chart and read from the table. Charts are redrawn when
 * their width or the text size changes. The image downloads (PNG, SVG) are
 * drawn at a fixed width with everything needed to stand alone
 * (lib/charts/export-layout.ts).
 */
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartConfiguration, type Plugin,
} from 'chart.js';
import { formatChartValue, type CreditedChart } from '../lib/charts/chart-specs.ts';
import { dateTickLabels, endCandidates, fitsSideBySide, placeLabels, segmentCandidates, wrapLabels, type Box, type LabelRequest } from '../lib/charts/label-layout.ts';
import { EXPORT_CHART_WIDTH, exportLayout, exportSvg } from '../lib/charts/export-layout.ts';
import { SITE_NAME } from '../lib/site.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

/** Colours with at least 3:1 contrast on white; each series also gets its own pattern, so colour is never the only cue. */
const COLOURS = ['#1f5fa8', '#b45309', '#6b21a8', '#1b7f3b', '#9e1b16'];
const FONT = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';
const INK = '#1a1a1a';
/** Chart text relative to the page's text: 13 px on a 16 px page. */
const CHART_TEXT_SCALE = 0.8125;
/** Text size of the exported images' charts, whatever the reader's setting. */
const EXPORT_TEXT_SIZE = 18;

function pattern(index: number, colour: string): CanvasPattern | string {
  const size = 10;
  const tile = document.createElement('canvas');
  tile.width = tile.height = size;
  const ctx = tile.getContext('2d');
  if (!ctx) return colour;
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = 'rgba(255,255,255,0.85)';
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.lineWidth = 2;
  switch (index % 4) {
    case 1: // diagonal stripes
      ctx.beginPath();
      ctx.moveTo(0, size);
      ctx.lineTo(size, 0);
      ctx.stroke();
      break;
    case 2: // dots
      ctx.beginPath();
      ctx.arc(size / 2, size / 2, 1.8, 0, Math.PI * 2);
      ctx.fill();
      break;
    case 3: // cross-hatch
      ctx.beginPath();
      ctx.moveTo(0, size / 2);
      ctx.lineTo(size, size / 2);
      ctx.moveTo(size / 2, 0);
      ctx.lineTo(size / 2, size);
      ctx.stroke();
      break;
    default: // solid
  }
  return ctx.createPattern(tile, 'repeat') ?? colour;
}

const measuring = document.createElement('canvas').getContext('2d')!;
function measurer(fontSize: number, bold = false): (text: string) => number {
  measuring.font = `${bold ? 'bold ' : ''}${fontSize}px ${FONT}`;
  const font = measuring.font;
  return (text) => {
    measuring.font = font;
    return measuring.measureText(text).width;
  };
}

/** How one chart is drawn at one width and text size. */
interface Drawing {
  spec: CreditedChart;
  fontSize: number;
  horizontal: boolean;
  labels: string[][];
  /** CSS pixels the canvas needs in height. */
  height: number;
  /** Values that found no free place, as 名称 数值; filled by the label plugin. */
  unplaced: string[];
}


/** Decides orientation, wrapped labels and height for a chart `width` pixels wide. */
function planDrawing(spec: CreditedChart, width: number, fontSize: number): Drawing {
  const measure = measurer(fontSize);
  const lineHeight = Math.round(fontSize * 1.3);
  const withNotes = spec.categories.map((c, i) => (spec.categoryNotes?.[i] ? `${c}\n${spec.categoryNotes[i]}` : c));
  const axisRoom = measure(String(spec.valueAxis?.max ?? Math.max(0, ...spec.series.flatMap((s) => s.values.map((v) => v ?? 0))))) + fontSize * 2.5;
  const slot = (width - axisRoom) / Math.max(spec.categories.length, 1);
  const horizontal = spec.kind === 'horizontal-bar' || (spec.kind === 'bar' && !fitsSideBySide(withNotes, slot * 0.92, measure, fontSize));
  const legendRows = spec.series.length > 1 ? Math.ceil(spec.series.reduce((w, s) => w + measure(s.label) + fontSize * 3, 0) / width) : 0;
  const legend = legendRows * (lineHeight + 10);
  if (horizontal) {
    const labels = wrapLabels(withNotes, Math.min(width * 0.42, Math.max(...withNotes.flatMap((l) => l.split('\n').map(measure)))), measure);
    // chart.js gives every category the same height: enough for the label with the most lines.
    const rowHeight = Math.max(Math.max(...labels.map((l) => l.length)) * lineHeight + 12, fontSize * 2.2);
    return { spec, fontSize, horizontal, labels, height: Math.ceil(labels.length * rowHeight + lineHeight * 3 + legend), unplaced: [] };
  }
  // Dates get short labels (7/31, the year once) when full ones would wrap: a phone never shows 2023年 / 5月31 / 日.
  const labels = spec.categoryDates && !spec.categoryNotes
    ? dateTickLabels(spec.categoryDates, spec.categories, slot, measure)
    : wrapLabels(withNotes, Math.max(slot * 0.92, fontSize), measure);
  const lines = Math.max(...labels.map((l) => l.length));
  return { spec, fontSize, horizontal, labels, height: Math.ceil(Math.max(220, fontSize * 17) + lines * lineHeight + legend), unplaced: [] };
}

/** Each canvas's drawing, for the plugin below (it runs during the first draw, inside the constructor). */
const drawings = new WeakMap<HTMLCanvasElement, Drawing>();

/** Writes every value on or beside its bar or point, where it overprints nothing. */
const valueLabels: Plugin<'bar' | 'line'> = {
  id: 'valueLabels',
  afterDatasetsDraw(chart) {
    const drawing = drawings.get(chart.canvas);
    if (!drawing) return;
    const { spec, fontSize, horizontal } = drawing;
    const { ctx, chartArea } = chart;
    const measure = measurer(fontSize);
    const height = fontSize + 2;
    const requests: (LabelRequest & { text: string })[] = [];
    const bars: (Box & { owner: string })[] = [];
    chart.data.datasets.forEach((_, datasetIndex) => {
      const meta = chart.getDatasetMeta(datasetIndex);
      if (meta.hidden) return;
      meta.data.forEach((element, i) => {
        const value = spec.series[datasetIndex]?.values[i];
        if (value === null || value === undefined || value === 0) return;
        const key = `${datasetIndex}:${i}`;
        const text = formatChartValue(spec, spec.series[datasetIndex]!, value);
        const width = measure(text);
        let box: Box;
        if (element instanceof BarElement) {
          const { x, y, base, width: w, height: h } = element.getProps(['x', 'y', 'base', 'width', 'height'], true) as { x: number; y: number; base: number; width: number; height: number };
          box = horizontal
            ? { left: Math.min(base, x), right: Math.max(base, x), top: y - h / 2, bottom: y + h / 2 }
            : { left: x - w / 2, right: x + w / 2, top: Math.min(y, base), bottom: Math.max(y, base) };
          bars.push({ ...box, owner: key });
        } else {
          const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
          box = { left: x - 6, right: x + 6, top: y - 6, bottom: y + 6 };
          bars.push({ ...box, owner: key });
        }
        const candidates = spec.kind === 'stacked-bar' ? segmentCandidates(box, width, height, horizontal) : endCandidates(box, width, height, horizontal);
        requests.push({ key, text, width, height, candidates });
      });
    });
    const bounds = { left: chartArea.left, top: Math.max(0, chartArea.top - height), right: chart.width, bottom: chartArea.bottom };
    // Outside its own bar a value must not cover another bar.
    const free = requests.map((r) => ({
      ...r,
      candidates: r.candidates.filter((c) => !bars.some((b) => b.owner !== r.key && c.x + r.width / 2 > b.left && c.x - r.width / 2 < b.right && c.y + height / 2 > b.top && c.y - height / 2 < b.bottom)),
    }));
    const { placed, unplaced } = placeLabels(free, bounds);
    ctx.save();
    ctx.font = `${fontSize}px ${FONT}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#fff';
    ctx.fillStyle = '#000';
    for (const p of placed) {
      const text = requests.find((r) => r.key === p.key)!.text;
      ctx.strokeText(text, p.x, p.y);
      ctx.fillText(text, p.x, p.y);
    }
    ctx.restore();
    drawing.unplaced = unplaced.map((key) => {
      const [s, c] = key.split(':').map(Number) as [number, number];
      const series = spec.series.length > 1 ? spec.series[s]!.label : '';
      return `${spec.categories[c]}${series ? ` ${series}` : ''} ${formatChartValue(spec, spec.series[s]!, spec.series[s]!.values[c]!)}`;
    });
  },
};

/** PNG downloads get a white background instead of transparency. */
const whiteBackground: Plugin = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

function configFor(drawing: Drawing, responsive: boolean): ChartConfiguration<'bar' | 'line'> {
  const { spec, fontSize, horizontal, labels } = drawing;
  const line = spec.kind === 'line';
  const stacked = spec.kind === 'stacked-bar';
  const font = { family: FONT, size: fontSize, lineHeight: 1.3 };
  // Every category keeps its label (wrapped to fit); value ticks thin out as room requires.
  const categoryTicks = { font, color: INK, autoSkip: false, maxRotation: 0, minRotation: 0 };
  const valueTicks = { font, color: INK, maxRotation: 0, minRotation: 0 };
  // A fixed range (rates: 0–100%) keeps every chart of a rate on the same scale, never past 100%.
  const range = spec.valueAxis ? { min: spec.valueAxis.min, max: spec.valueAxis.max, grace: 0 } : {};
  const maxValue = Math.max(0, ...spec.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const valueRoom = measurer(fontSize)(formatChartValue(spec, spec.series[0] ?? {}, maxValue)) + 16;
  const labelColumn = Math.max(0, ...labels.flat().map(measurer(fontSize))) + fontSize;
  return {
    type: line ? 'line' : 'bar',
    data: {
      labels,
      datasets: spec.series.map((series, i) => {
        const colour = COLOURS[i % COLOURS.length]!;
        return {
          label: series.label,
          data: series.values,
          backgroundColor: line ? colour : pattern(i, colour),
          borderColor: colour,
          borderWidth: line ? 2 : 1,
          pointRadius: 6,
          pointStyle: (['circle', 'rectRot', 'triangle', 'rect'] as const)[i % 4],
          spanGaps: false,
        };
      }),
    },
    options: {
      animation: false,
      responsive,
      maintainAspectRatio: false,
      devicePixelRatio: responsive ? undefined : 2,
      indexAxis: horizontal ? 'y' : 'x',
      layout: { padding: { top: fontSize + 8, right: horizontal ? valueRoom : fontSize } },
      scales: {
        // A single point sits in the middle of its axis, not against it.
        x: { stacked, offset: !line || spec.categories.length === 1 ? true : undefined, ticks: horizontal ? valueTicks : categoryTicks, beginAtZero: true, grace: horizontal ? '8%' : 0, ...(horizontal ? range : {}) },
        y: {
          stacked, ticks: horizontal ? categoryTicks : valueTicks, beginAtZero: true, grace: horizontal ? 0 : '8%', ...(horizontal ? {} : range),
          // chart.js may narrow the label column below the wrapped labels' width, clipping them: keep it wide enough.
          ...(horizontal ? { afterFit: (scale: { width: number }) => { scale.width = Math.max(scale.width, labelColumn); } } : {}),
        },
      },
      plugins: {
        legend: { display: spec.series.length > 1, position: 'bottom', labels: { font, color: INK, usePointStyle: line } },
        tooltip: { callbacks: { title: (items) => spec.categories[items[0]?.dataIndex ?? 0] ?? '', label: (item) => `${item.dataset.label}：${item.formattedValue} ${spec.unit}` } },
      },
    },
    plugins: [valueLabels, whiteBackground],
  } as ChartConfiguration<'bar' | 'line'>;
}

/** The page's text size in pixels, which 大字 enlarges. */
function pageTextSize(element: Element): number {
  return Math.round(parseFloat(getComputedStyle(element).fontSize) * CHART_TEXT_SCALE);
}

function showUnplaced(figure: HTMLElement, drawing: Drawing): void {
  const note = figure.querySelector<HTMLElement>('.chart-unplaced');
  if (!note) return;
  note.hidden = drawing.unplaced.length === 0;
  note.textContent = drawing.unplaced.length === 0 ? '' : `图中放不下的数字：${drawing.unplaced.join('；')}。详见下方数据表。`;
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
  drawings.set(canvas, drawing);
  // Set through the CSSOM, which the Content-Security-Policy allows (no style attribute in the markup).
  holder.style.height = `${drawing.height}px`;
  const chart = new Chart(canvas, configFor(drawing, true));
  drawn.set(figure, { chart, width, fontSize });
  showUnplaced(figure, drawing);
}

/** The chart alone, drawn off screen at the export width. */
function exportChart(spec: CreditedChart): { canvas: HTMLCanvasElement; drawing: Drawing } {
  const drawing = planDrawing(spec, EXPORT_CHART_WIDTH, EXPORT_TEXT_SIZE);
  const canvas = document.createElement('canvas');
  canvas.width = EXPORT_CHART_WIDTH;
  canvas.height = drawing.height;
  drawings.set(canvas, drawing);
  new Chart(canvas, configFor(drawing, false));
  return { canvas, drawing };
}

/** The stand-alone image of a chart: its layout, the chart, and the PNG canvas drawn from them. */
export function drawExport(figure: HTMLElement, spec: CreditedChart): { png: HTMLCanvasElement; svg: () => string } {
  const { canvas: chartCanvas, drawing } = exportChart(spec);
  const date = figure.querySelector('.chart-meta time')?.textContent;
  const url = new URL(figure.dataset.url ?? `#${spec.id}`, window.location.href).href;
  const measure = (text: string, size: number, bold: boolean) => measurer(size, bold)(text);
  const layout = exportLayout({
    title: spec.title,
    meta: `单位：${spec.unit}${date ? `　截至 ${date}` : ''}`,
    notes: [...spec.notes, ...(drawing.unplaced.length > 0 ? [`图中放不下的数字：${drawing.unplaced.join('；')}。`] : [])],
    sources: spec.credit.sources,
    url,
    siteName: SITE_NAME,
    chartHeight: drawing.height,
  }, measure);
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

function enableDownloads(figure: HTMLElement, spec: CreditedChart): void {
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
