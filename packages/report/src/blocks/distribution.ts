import { COLORS } from '../style.js';
import type { ChartBlock } from '../types.js';

/**
 * Real vs synthetic distribution of one column as side-by-side bars of proportions: histogram bins
 * of a continuous column (give `edges`, one more than counts) or the categories of a discrete one.
 */
export type DistributionInput =
  | {
      readonly column: string;
      readonly kind: 'continuous';
      readonly edges: readonly number[];
      readonly real: readonly number[];
      readonly synthetic: readonly number[];
      readonly format?: 'number' | 'datetime';
    }
  | {
      readonly column: string;
      readonly kind: 'discrete';
      readonly labels: readonly string[];
      readonly real: readonly number[];
      readonly synthetic: readonly number[];
    };

function proportions(counts: readonly number[]): number[] {
  const total = counts.reduce((s, c) => s + c, 0) || 1;
  return counts.map((c) => Number((c / total).toFixed(5)));
}

function edgeLabel(v: number, format: 'number' | 'datetime'): string {
  if (format === 'datetime') return new Date(v).toISOString().slice(0, 10);
  const a = Math.abs(v);
  return a >= 1e5 || (a > 0 && a < 1e-3) ? v.toExponential(2) : Number(v.toPrecision(4)).toString();
}

export function distributionPlot(d: DistributionInput, height = 240): ChartBlock {
  const labels =
    d.kind === 'discrete'
      ? [...d.labels]
      : d.real.map(
          (_, i) =>
            `${edgeLabel(d.edges[i]!, d.format ?? 'number')}–${edgeLabel(d.edges[i + 1]!, d.format ?? 'number')}`,
        );
  return {
    kind: 'chart',
    height,
    option: {
      animation: false,
      title: { text: d.column, left: 'center', textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, data: ['Real', 'Synthetic'] },
      grid: { left: 48, right: 12, top: 30, bottom: 64 },
      xAxis: {
        type: 'category',
        data: labels,
        axisLabel: { rotate: labels.length > 6 ? 35 : 0, fontSize: 10, hideOverlap: true },
      },
      yAxis: { type: 'value', name: 'share', nameTextStyle: { fontSize: 10 } },
      series: [
        { name: 'Real', type: 'bar', data: proportions(d.real), itemStyle: { color: COLORS.real } },
        {
          name: 'Synthetic',
          type: 'bar',
          data: proportions(d.synthetic),
          itemStyle: { color: COLORS.synthetic },
        },
      ],
    },
  };
}
