/**
 * Draws one chart with chart.js on a canvas, from its spec and its plan
 * (lib/charts/chart-plan.ts): colours and patterns, fonts, axes, and every
 * value written where it overprints nothing (lib/charts/label-layout.ts). Only
 * the chart.js parts used are registered, so the bundle stays small. Used for
 * the charts on the page (client/chart-figures.ts) and for the downloaded
 * images (client/chart-export.ts).
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import { formatChartValue, type CreditedChart } from '../lib/charts/chart-types.ts';
import { largestValue, planChart, topPadding, unplacedValues, valueKey, type ChartPlan } from '../lib/charts/chart-plan.ts';
import {
  barBox,
  boxAround,
  clearOfOtherMarks,
  endCandidates,
  placeLabels,
  segmentCandidates,
  type Box,
  type LabelRequest,
} from '../lib/charts/label-layout.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

/** Colours with at least 3:1 contrast on white; each series also gets its own pattern, so colour is never the only cue. */
const COLOURS = ['#1f5fa8', '#b45309', '#6b21a8', '#1b7f3b', '#9e1b16'];
export const FONT = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';
export const INK = '#1a1a1a';

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
/** Measures text in the chart font at `fontSize` pixels, as the canvas will draw it. */
export function measurer(fontSize: number, bold = false): (text: string) => number {
  measuring.font = `${bold ? 'bold ' : ''}${fontSize}px ${FONT}`;
  const font = measuring.font;
  return (text) => {
    measuring.font = font;
    return measuring.measureText(text).width;
  };
}

/** How one chart is drawn at one width and text size. */
export interface Drawing extends ChartPlan {
  spec: CreditedChart;
  fontSize: number;
  /** Values that found no free place, as 名称 数值; filled by the label plugin. */
  unplaced: string[];
}

/** Plans a chart `width` pixels wide with text `fontSize` pixels high, measured in the chart's font. */
export function planDrawing(spec: CreditedChart, width: number, fontSize: number): Drawing {
  return { spec, fontSize, ...planChart(spec, width, fontSize, measurer(fontSize)), unplaced: [] };
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
    const marks: (Box & { owner: string })[] = [];
    chart.data.datasets.forEach((_, datasetIndex) => {
      const meta = chart.getDatasetMeta(datasetIndex);
      if (meta.hidden) return;
      meta.data.forEach((element, i) => {
        const value = spec.series[datasetIndex]?.values[i];
        if (value === null || value === undefined || value === 0) return;
        const key = valueKey(datasetIndex, i);
        const text = formatChartValue(spec, spec.series[datasetIndex]!, value);
        const width = measure(text);
        let box: Box;
        if (element instanceof BarElement) {
          box = barBox(
            element.getProps(['x', 'y', 'base', 'width', 'height'], true) as {
              x: number;
              y: number;
              base: number;
              width: number;
              height: number;
            },
            horizontal,
          );
        } else {
          const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
          box = boxAround(x, y, 12, 12);
        }
        marks.push({ ...box, owner: key });
        const candidates =
          spec.kind === 'stacked-bar' ? segmentCandidates(box, width, height, horizontal) : endCandidates(box, width, height, horizontal);
        requests.push({ key, text, width, height, candidates });
      });
    });
    const bounds = { left: chartArea.left, top: Math.max(0, chartArea.top - height), right: chart.width, bottom: chartArea.bottom };
    const { placed, unplaced } = placeLabels(clearOfOtherMarks(requests, marks), bounds);
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
    drawing.unplaced = unplacedValues(spec, unplaced);
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
  const valueRoom = measurer(fontSize)(formatChartValue(spec, spec.series[0] ?? {}, largestValue(spec))) + 16;
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
      layout: { padding: { top: topPadding(fontSize), right: horizontal ? valueRoom : fontSize } },
      scales: {
        // A single point sits in the middle of its axis, not against it.
        x: {
          stacked,
          offset: !line || spec.categories.length === 1 ? true : undefined,
          ticks: horizontal ? valueTicks : categoryTicks,
          beginAtZero: true,
          grace: horizontal ? '8%' : 0,
          ...(horizontal ? range : {}),
        },
        y: {
          stacked,
          ticks: horizontal ? categoryTicks : valueTicks,
          beginAtZero: true,
          grace: horizontal ? 0 : '8%',
          ...(horizontal ? {} : range),
          // chart.js may narrow the label column below the wrapped labels' width, clipping them: keep it wide enough.
          ...(horizontal
            ? {
                afterFit: (scale: { width: number }) => {
                  scale.width = Math.max(scale.width, labelColumn);
                },
              }
            : {}),
        },
      },
      plugins: {
        legend: { display: spec.series.length > 1, position: 'bottom', labels: { font, color: INK, usePointStyle: line } },
        tooltip: {
          callbacks: {
            title: (items) => spec.categories[items[0]?.dataIndex ?? 0] ?? '',
            label: (item) => `${item.dataset.label}：${item.formattedValue} ${spec.unit}`,
          },
        },
      },
    },
    plugins: [valueLabels, whiteBackground],
  } as ChartConfiguration<'bar' | 'line'>;
}

/** Draws a planned chart on `canvas`; `responsive` charts follow their holder's size, the others keep the canvas's. */
export function drawChart(canvas: HTMLCanvasElement, drawing: Drawing, responsive: boolean): Chart {
  drawings.set(canvas, drawing);
  return new Chart(canvas, configFor(drawing, responsive));
}
