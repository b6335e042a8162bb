import type { Cell, ReportBlock, ScoreItem, ScoresBlock, TableBlock } from '../types.js';

export function scoreSummary(items: readonly ScoreItem[]): ScoresBlock {
  return { kind: 'scores', items };
}

export function table(
  columns: readonly string[],
  rows: readonly (readonly Cell[])[],
  options: { caption?: string; scoreColumns?: number[] } = {},
): TableBlock {
  return { kind: 'table', columns, rows, ...options };
}

export function text(s: string): ReportBlock {
  return { kind: 'text', text: s };
}

export function grid(columns: number, blocks: readonly ReportBlock[]): ReportBlock {
  return { kind: 'grid', columns, blocks };
}
