import type { ChartBlock } from '../types.js';

/**
 * A square matrix over `labels` (e.g. pairwise correlations or pair scores); null cells are blank.
 * Diverging blue–white–red for [-1, 1], white-to-green for [0, 1].
 */
export interface HeatmapInput {
  readonly title: string;
  readonly labels: readonly string[];
  /** values[i][j] for row label i and column label j. */
  readonly values: readonly (readonly (number | null)[])[];
  readonly min?: number;
  readonly max?: number;
}

export function heatmap(h: HeatmapInput, height = 420): ChartBlock {
  const min = h.min ?? 0;
  const max = h.max ?? 1;
  const data: [number, number, number | string][] = [];
  for (const [i, row] of h.values.entries())
    for (const [j, v] of row.entries())
      data.push([j, i, v === null || Number.isNaN(v) ? '-' : Number(v.toFixed(3))]);
  const colors = min < 0 ? ['#2166ac', '#f7f7f7', '#b2182b'] : ['#fff5eb', '#fdae6b', '#2e7d32'];
  return {
    kind: 'chart',
    height,
    option: {
      animation: false,
      title: { text: h.title, left: 'center', textStyle: { fontSize: 13 } },
      tooltip: { position: 'top' },
      grid: { left: 110, right: 16, top: 30, bottom: 110 },
      xAxis: {
        type: 'category',
        data: [...h.labels],
        axisLabel: { rotate: 50, fontSize: 10, interval: 0 },
        splitArea: { show: true },
      },
      yAxis: {
        type: 'category',
        data: [...h.labels],
        axisLabel: { fontSize: 10, interval: 0 },
        inverse: true,
        splitArea: { show: true },
      },
      visualMap: {
        min,
        max,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 120,
        inRange: { color: colors },
        textStyle: { fontSize: 10 },
      },
      series: [{ type: 'heatmap', data, label: { show: h.labels.length <= 12, fontSize: 9 } }],
    },
  };
}
