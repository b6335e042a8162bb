import type { PrivacyReport } from './types.js';

/** The report as JSON text; NaN (a risk that could not be measured) is written as null. */
export function privacyReportJson(report: PrivacyReport): string {
  return `${JSON.stringify(report, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
