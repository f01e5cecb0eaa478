/**
 * Draws every <figure data-chart> on the page from its JSON spec. Only the
 * chart.js parts used are registered, so the bundle stays small, and this
 * script is only on pages that show a chart.
 */
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartConfiguration, type Plugin,
} from 'chart.js';
import type { ChartSpec } from '../lib/charts/chart-specs.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

/** Colours with at least 3:1 contrast on white; each series also gets its own pattern, so colour is never the only cue. */
const COLOURS = ['#1f5fa8', '#b45309', '#6b21a8', '#1b7f3b', '#9e1b16'];
const FONT = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

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

/** Each canvas's spec, for the plugins below (they run during the first draw, inside the constructor). */
const specs = new WeakMap<HTMLCanvasElement, ChartSpec>();

/** Writes each bar's value on it and each category's note beside it, so the figures are readable without hovering. */
const valueLabels: Plugin<'bar' | 'line'> = {
  id: 'valueLabels',
  afterDatasetsDraw(chart) {
    const spec = specs.get(chart.canvas);
    if (!spec) return;
    const { ctx } = chart;
    const horizontal = spec.kind === 'horizontal-bar';
    ctx.save();
    ctx.font = `13px ${FONT}`;
    ctx.textBaseline = 'middle';
    chart.data.datasets.forEach((_, datasetIndex) => {
      const meta = chart.getDatasetMeta(datasetIndex);
      if (meta.hidden) return;
      meta.data.forEach((element, i) => {
        const value = spec.series[datasetIndex]?.values[i];
        if (value === null || value === undefined || value === 0) return;
        // Stacked segments are labelled in their middle, other bars at their end.
        const { x, y } = spec.kind === 'stacked-bar' && element instanceof BarElement ? element.getCenterPoint(false) : element.tooltipPosition(false);
        if (x === null || y === null) return;
        ctx.fillStyle = spec.kind === 'stacked-bar' ? '#fff' : '#1a1a1a';
        ctx.textAlign = horizontal ? 'left' : 'center';
        if (spec.kind === 'stacked-bar') {
          const bar = element as unknown as { height: number };
          if (Math.abs(bar.height) < 16) return;
          ctx.fillStyle = '#000';
          ctx.strokeStyle = '#fff';
          ctx.lineWidth = 3;
          ctx.strokeText(String(value), x, y);
          ctx.fillText(String(value), x, y);
        } else if (horizontal) ctx.fillText(String(value), x + 6, y);
        else ctx.fillText(String(value), x, y - 12);
      });
    });
    spec.categoryNotes?.forEach((note, i) => {
      const top = chart.getDatasetMeta(chart.data.datasets.length - 1).data[i];
      if (!top) return;
      const { x } = top.tooltipPosition(false);
      if (x === null) return;
      ctx.fillStyle = '#1a1a1a';
      ctx.textAlign = 'center';
      ctx.fillText(note, x, chart.chartArea.top - 10);
    });
    ctx.restore();
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

function configFor(spec: ChartSpec): ChartConfiguration<'bar' | 'line'> {
  const line = spec.kind === 'line';
  const stacked = spec.kind === 'stacked-bar';
  const horizontal = spec.kind === 'horizontal-bar';
  return {
    type: line ? 'line' : 'bar',
    data: {
      labels: spec.categories,
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
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: horizontal ? 'y' : 'x',
      layout: { padding: { top: spec.categoryNotes ? 30 : 18, right: horizontal ? 36 : 8 } },
      scales: {
        x: { stacked, ticks: { font: { family: FONT, size: 13 }, color: '#1a1a1a' }, beginAtZero: true },
        y: { stacked, ticks: { font: { family: FONT, size: 13 }, color: '#1a1a1a' }, beginAtZero: true },
      },
      plugins: {
        legend: { display: spec.series.length > 1, position: 'bottom', labels: { font: { family: FONT, size: 13 }, color: '#1a1a1a', usePointStyle: line } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}：${item.formattedValue} ${spec.unit}` } },
      },
    },
    plugins: [valueLabels, whiteBackground],
  } as ChartConfiguration<'bar' | 'line'>;
}

export function drawCharts(): void {
  for (const figure of document.querySelectorAll<HTMLElement>('figure[data-chart]')) {
    if (figure.dataset.drawn) continue;
    const specElement = figure.querySelector('script.chart-spec');
    const canvas = figure.querySelector('canvas');
    if (!specElement?.textContent || !canvas) continue;
    const spec = JSON.parse(specElement.textContent) as ChartSpec;
    specs.set(canvas, spec);
    // Horizontal bars need room for every category label (set here, not in markup, so no inline style is needed).
    if (spec.kind === 'horizontal-bar') canvas.parentElement!.style.height = `${Math.max(spec.categories.length, 3) * 2.1 + 3}rem`;
    new Chart(canvas, configFor(spec));
    figure.dataset.drawn = 'true';
    // The chart is drawn: the table becomes optional reading.
    figure.querySelector('details.chart-data')?.removeAttribute('open');
    const button = figure.querySelector<HTMLButtonElement>('button.chart-png');
    if (button) {
      button.hidden = false;
      button.addEventListener('click', () => {
        const link = document.createElement('a');
        link.download = `${spec.id}.png`;
        link.href = canvas.toDataURL('image/png');
        link.click();
      });
    }
  }
}
