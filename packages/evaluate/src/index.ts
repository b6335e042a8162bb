export type { ColumnScore, PairScore } from './metrics/types.js';
export { type QualityInput, type QualityReport, qualityReport } from './quality/quality-report.js';
