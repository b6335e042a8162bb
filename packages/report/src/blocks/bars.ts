import { COLORS } from '../style.js';
import type { ChartBlock } from '../types.js';

/** Horizontal bars of 0–1 scores per item (e.g. per-column scores), several series side by side. */
export interface BarInput {
  readonly title: string;
  readonly labels: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly (number | null)[] }[];
  readonly max?: number;
}

const PALETTE = [COLORS.real, COLORS.synthetic, '#4e9a06', '#75507b'];

export function barChart(b: BarInput): ChartBlock {
  return {
    kind: 'chart',
    height: Math.max(200, 60 + b.labels.length * (12 + 8 * b.series.length)),
    option: {
      animation: false,
      title: { text: b.title, left: 'center', textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0, show: b.series.length > 1 },
      grid: { left: 130, right: 24, top: 30, bottom: 40 },
      xAxis: { type: 'value', min: 0, max: b.max ?? 1 },
      yAxis: {
        type: 'category',
        data: [...b.labels],
        inverse: true,
        axisLabel: { fontSize: 10, interval: 0 },
      },
      series: b.series.map((s, k) => ({
        name: s.name,
        type: 'bar',
        data: s.values.map((v) => (v === null || Number.isNaN(v) ? '-' : Number(v.toFixed(4)))),
        itemStyle: { color: PALETTE[k % PALETTE.length] },
      })),
    },
  };
}
