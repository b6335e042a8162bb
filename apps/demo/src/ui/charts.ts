/**
 * The report's charts, drawn in the page with the same ECharts options the HTML report uses, but
 * from a tree-shaken ECharts (only the chart types and components the report blocks use) so the
 * copula path stays small. Canvas renderer: it draws the scatter plots' thousands of points far
 * faster than SVG. Charts are drawn a few per task so that a report with dozens of charts never
 * blocks the main thread for long.
 */
import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

const queue: { el: HTMLElement; option: Record<string, unknown> }[] = [];
const live: echarts.ECharts[] = [];
let draining = false;

/** Draws the chart soon (in its own task); sets data-rendered="1" on the element when drawn. */
export function queueChart(el: HTMLElement, option: Record<string, unknown>): void {
  queue.push({ el, option });
  if (!draining) {
    draining = true;
    setTimeout(drain, 0);
  }
}

function drain(): void {
  const started = performance.now();
  // A few charts per task, well under the 50 ms that counts as a long task.
  while (queue.length > 0 && performance.now() - started < 16) {
    const { el, option } = queue.shift()!;
    if (!el.isConnected) continue;
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    // No entry animation: animated charts are all redrawn together in one animation frame.
    chart.setOption({ animation: false, ...option });
    el.setAttribute('data-rendered', '1');
    live.push(chart);
  }
  if (queue.length > 0) setTimeout(drain, 0);
  else draining = false;
}

/** Frees the charts of a previous report. */
export function disposeCharts(): void {
  queue.length = 0;
  for (const c of live.splice(0)) c.dispose();
}

window.addEventListener('resize', () => {
  for (const c of live) c.resize();
});
