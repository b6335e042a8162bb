import type { ReportBlock } from '../types.js';
import { grid } from './basic.js';
import { heatmap } from './heatmap.js';

/**
 * Joint distribution of two discrete (or binned) columns, real beside synthetic, as tiles shaded by
 * the share of rows in each combination — a mosaic with equal tile sizes, one colour scale for both.
 */
export interface MosaicInput {
  readonly title: string;
  readonly rowLabels: readonly string[];
  readonly colLabels: readonly string[];
  /** Counts [row][col]. */
  readonly real: readonly (readonly number[])[];
  readonly synthetic: readonly (readonly number[])[];
}

function shares(m: readonly (readonly number[])[]): number[][] {
  const total = m.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0) || 1;
  return m.map((r) => r.map((v) => v / total));
}

export function mosaicPlot(m: MosaicInput): ReportBlock {
  const real = shares(m.real);
  const synthetic = shares(m.synthetic);
  const max = Math.max(...real.flat(), ...synthetic.flat(), 1e-9);
  const tile = (title: string, values: number[][]) => {
    const block = heatmap({ title, labels: [], values, min: 0, max });
    const option = block.option as Record<string, Record<string, unknown>>;
    option.xAxis = { ...option.xAxis, data: [...m.colLabels] };
    option.yAxis = { ...option.yAxis, data: [...m.rowLabels] };
    const series = (option.series as unknown as Record<string, unknown>[])[0]!;
    series.label = { show: m.rowLabels.length * m.colLabels.length <= 40, fontSize: 9 };
    return { ...block, height: Math.max(260, 60 + 22 * m.rowLabels.length + 90) };
  };
  return grid(2, [tile(`${m.title} — real`, real), tile(`${m.title} — synthetic`, synthetic)]);
}
