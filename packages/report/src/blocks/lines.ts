import { COLORS } from '../style.js';
import type { ChartBlock } from '../types.js';

/** Curves over a shared x (e.g. α-precision and β-recall curves against the ideal diagonal). */
export interface LineInput {
  readonly title: string;
  readonly x: readonly number[];
  readonly xLabel?: string;
  readonly series: readonly {
    readonly name: string;
    readonly values: readonly number[];
    readonly dashed?: boolean;
  }[];
}

const PALETTE = [COLORS.real, COLORS.synthetic, COLORS.muted, '#4e9a06'];

export function lineChart(l: LineInput, height = 280): ChartBlock {
  return {
    kind: 'chart',
    height,
    option: {
      animation: false,
      title: { text: l.title, left: 'center', textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 16, top: 30, bottom: 56 },
      xAxis: { type: 'value', name: l.xLabel, nameLocation: 'middle', nameGap: 24, min: 0, max: 1 },
      yAxis: { type: 'value', min: 0, max: 1 },
      series: l.series.map((s, k) => ({
        name: s.name,
        type: 'line',
        showSymbol: false,
        data: s.values.map((v, i) => [l.x[i]!, Number(v.toFixed(4))]),
        lineStyle: { color: PALETTE[k % PALETTE.length], type: s.dashed ? 'dashed' : 'solid' },
        itemStyle: { color: PALETTE[k % PALETTE.length] },
      })),
    },
  };
}
