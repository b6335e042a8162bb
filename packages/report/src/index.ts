export { type BarInput, barChart } from './blocks/bars.js';
export { grid, scoreSummary, table, text } from './blocks/basic.js';
export { type DistributionInput, distributionPlot } from './blocks/distribution.js';
export { type HeatmapInput, heatmap } from './blocks/heatmap.js';
export { type LineInput, lineChart } from './blocks/lines.js';
export { type MosaicInput, mosaicPlot } from './blocks/mosaic.js';
export { type ScatterInput, scatterPlot } from './blocks/scatter.js';
export { CHART_LIBRARY, loadChartScript } from './chart-script.js';
export { type RenderOptions, renderReport } from './render-report.js';
export { COLORS, scoreColor } from './style.js';
export type {
  Cell,
  ChartBlock,
  ChartOption,
  GridBlock,
  ReportBlock,
  ReportDocument,
  ReportSection,
  ScoreItem,
  ScoresBlock,
  TableBlock,
  TextBlock,
} from './types.js';
