import { COLORS } from '../style.js';
import type { ChartBlock } from '../types.js';

/** Real and synthetic points of two continuous columns in one plot (pass a sample, not every row). */
export interface ScatterInput {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly real: { readonly x: ArrayLike<number>; readonly y: ArrayLike<number> };
  readonly synthetic: { readonly x: ArrayLike<number>; readonly y: ArrayLike<number> };
}

function points(p: { x: ArrayLike<number>; y: ArrayLike<number> }): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < p.x.length; i++) {
    const x = p.x[i]!;
    const y = p.y[i]!;
    if (Number.isFinite(x) && Number.isFinite(y))
      out.push([Number(x.toPrecision(6)), Number(y.toPrecision(6))]);
  }
  return out;
}

export function scatterPlot(s: ScatterInput, height = 320): ChartBlock {
  return {
    kind: 'chart',
    height,
    option: {
      animation: false,
      title: { text: s.title, left: 'center', textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, data: ['Real', 'Synthetic'] },
      grid: { left: 60, right: 16, top: 30, bottom: 56 },
      xAxis: { type: 'value', name: s.xLabel, nameLocation: 'middle', nameGap: 24, scale: true },
      yAxis: { type: 'value', name: s.yLabel, scale: true },
      series: [
        {
          name: 'Real',
          type: 'scatter',
          symbolSize: 4,
          data: points(s.real),
          itemStyle: { color: COLORS.real, opacity: 0.5 },
        },
        {
          name: 'Synthetic',
          type: 'scatter',
          symbolSize: 4,
          data: points(s.synthetic),
          itemStyle: { color: COLORS.synthetic, opacity: 0.5 },
        },
      ],
    },
  };
}
