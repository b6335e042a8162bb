import type { MetricResult } from '@synthkit/core';
import type { QualityReport } from '../quality/quality-report.js';

/**
 * Thresholds below which a score is worth a sentence in the summary. They are reading aids, not
 * pass/fail limits: 0.5 on a detection score means a classifier separates the tables with AUC 0.75.
 */
const WEAK = {
  quality: 0.8,
  detection: 0.5,
  BetaRecall: 0.5,
  AlphaPrecision: 0.5,
  utility: 0.8,
} as const;

/** Plain sentences for the scores a reader should not miss, worst first within each family. */
export function weakScoreFindings(
  quality: QualityReport | undefined,
  byFamily: Readonly<Record<string, readonly MetricResult[]>>,
): string[] {
  const out: string[] = [];
  const score = (x: number) => x.toFixed(3);
  if (quality && quality.overall < WEAK.quality)
    out.push(
      `quality score ${score(quality.overall)} is low (column shapes ${score(quality.properties.columnShapes)}, pair trends ${score(quality.properties.columnPairTrends)}): see the per-column scores`,
    );
  for (const r of byFamily.detection ?? [])
    if (r.score < WEAK.detection)
      out.push(
        `${r.name} ${score(r.score)}: a classifier tells synthetic rows from real ones (1 = indistinguishable, 0 = always told apart)`,
      );
  for (const r of byFamily.fidelity ?? []) {
    if (r.name === 'BetaRecall' && r.score < WEAK.BetaRecall)
      out.push(
        `BetaRecall ${score(r.score)}: the synthetic rows cover little of the real data's variety (mode collapse?)`,
      );
    if (r.name === 'AlphaPrecision' && r.score < WEAK.AlphaPrecision)
      out.push(`AlphaPrecision ${score(r.score)}: many synthetic rows fall outside where real rows lie`);
  }
  for (const r of byFamily.utility ?? [])
    if (r.score < WEAK.utility)
      out.push(
        `${r.name} ${score(r.score)}: a model trained on the synthetic rows keeps less than 80% of the real rows' score`,
      );
  return out;
}
