// Draws a plan's chart as an inline SVG column or line chart from the sheet's current values.
import { parseRange } from '../core/templates/a1';
import type { ChartPlan } from '../core/templates/plan';
import type { Lang } from '../core/templates/options';
import { displayText, formatGeneral } from './number-format';
import { formatAt, type PreviewSheet, type PreviewWorkbook } from './workbook';

const SVG = 'http://www.w3.org/2000/svg';
const SERIES_COLOURS = ['#1F4E79', '#C55A11', '#548235', '#7F6000', '#7030A0', '#2E75B6'];
const MARGIN = { top: 40, right: 16, bottom: 40, left: 64 };
const TICKS = 4;
const LABEL_WIDTH = 64;

/** The chart's categories as shown in the sheet and each series' numbers (null where not a number). */
export interface ChartData {
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

function positions(range: string): { row: number; col: number }[] {
  const { row1, col1, row2, col2 } = parseRange(range);
  const cells: { row: number; col: number }[] = [];
  for (let row = row1; row <= row2; row++)
    for (let col = col1; col <= col2; col++) cells.push({ row, col });
  return cells;
}

/** The values `chart` plots, read from `sheet` now. */
export function chartData(
  workbook: PreviewWorkbook,
  sheet: PreviewSheet,
  chart: ChartPlan,
): ChartData {
  return {
    categories: positions(chart.categories).map((position) =>
      displayText(workbook.value(sheet.name, position), formatAt(sheet, position), sheet.lang),
    ),
    series: chart.series.map(({ name, values }) => ({
      name,
      values: positions(values).map((position) => {
        const value = workbook.value(sheet.name, position);
        return typeof value === 'number' ? value : null;
      }),
    })),
  };
}

function element<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A round step giving about TICKS intervals up to `max`. */
function tickStep(max: number): number {
  const raw = max / TICKS;
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
}

/**
 * An SVG chart of `data` sized and titled as `chart` says: a "line" chart joins each series'
 * points; "column" and "bar" charts both draw vertical columns side by side per category.
 */
export function renderChart(
  chart: ChartPlan,
  data: ChartData,
  id: string,
  lang: Lang,
): SVGSVGElement {
  const { width, height } = chart;
  const svg = element('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': `${id}-title`,
    class: 'chart',
  });
  svg.append(element('title', { id: `${id}-title` }, chart.title));
  svg.append(element('rect', { width, height, fill: '#FFFFFF', stroke: '#D1D5DB' }));
  svg.append(
    element(
      'text',
      { x: width / 2, y: 22, 'text-anchor': 'middle', class: 'chart-title' },
      chart.title,
    ),
  );

  const numbers = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const low = Math.min(0, ...numbers);
  const high = Math.max(0, ...numbers);
  const step = tickStep(high - low || 1);
  const bottom = Math.floor(low / step) * step;
  const top = Math.max(Math.ceil(high / step) * step, bottom + step);
  const plot = {
    x: MARGIN.left,
    y: MARGIN.top,
    width: width - MARGIN.left - MARGIN.right,
    height: height - MARGIN.top - MARGIN.bottom,
  };
  const yOf = (value: number) =>
    plot.y + plot.height - ((value - bottom) / (top - bottom)) * plot.height;

  for (let tick = bottom; tick <= top + step / 2; tick += step) {
    svg.append(
      element('line', {
        x1: plot.x,
        x2: plot.x + plot.width,
        y1: yOf(tick),
        y2: yOf(tick),
        stroke: '#E5E7EB',
      }),
    );
    svg.append(
      element(
        'text',
        { x: plot.x - 6, y: yOf(tick) + 4, 'text-anchor': 'end', class: 'chart-axis' },
        formatGeneral(Number(tick.toPrecision(6)), lang),
      ),
    );
  }

  const band = plot.width / Math.max(data.categories.length, 1);
  // Every n-th category label, so labels such as "Jan 2026" never overlap.
  const labelEvery = Math.ceil(LABEL_WIDTH / band);
  data.categories.forEach(
    (category, i) =>
      i % labelEvery === 0 &&
      svg.append(
        element(
          'text',
          {
            x: plot.x + band * (i + 0.5),
            y: plot.y + plot.height + 16,
            'text-anchor': 'middle',
            class: 'chart-axis',
          },
          category,
        ),
      ),
  );

  data.series.forEach((series, s) => {
    const colour = SERIES_COLOURS[s % SERIES_COLOURS.length]!;
    if (chart.type === 'line') {
      const points = series.values
        .map((value, i) => (value === null ? null : `${plot.x + band * (i + 0.5)},${yOf(value)}`))
        .filter((point): point is string => point !== null);
      svg.append(
        element('polyline', {
          points: points.join(' '),
          fill: 'none',
          stroke: colour,
          'stroke-width': 2,
        }),
      );
    } else {
      const barWidth = (band * 0.8) / data.series.length;
      series.values.forEach((value, i) => {
        if (value === null) return;
        const x = plot.x + band * (i + 0.1) + barWidth * s;
        const y = Math.min(yOf(value), yOf(0));
        svg.append(
          element('rect', {
            x,
            y,
            width: barWidth,
            height: Math.abs(yOf(value) - yOf(0)),
            fill: colour,
          }),
        );
      });
    }
    const legendX = plot.x + s * 130;
    svg.append(
      element('rect', { x: legendX, y: height - 14, width: 10, height: 10, fill: colour }),
    );
    svg.append(
      element('text', { x: legendX + 14, y: height - 5, class: 'chart-axis' }, series.name),
    );
  });
  return svg;
}
