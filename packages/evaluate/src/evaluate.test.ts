import { describe, expect, it } from 'vitest';
import { loadFixture } from '../test/fixture-tables.js';
import { evaluate, evaluationToJson } from './evaluate.js';

describe('evaluate on the adult-copula fixture', async () => {
  const { real, synthetic, metadata, scores } = await loadFixture('adult-copula');
  const report = await evaluate({ real, synthetic, metadata, target: 'income', seed: 7 });

  it('carries the SDMetrics quality report', () => {
    expect(Math.abs(report.quality!.overall - scores.quality)).toBeLessThan(0.001);
  });

  it('runs every family with scores in [0, 1]', () => {
    const names = [...report.diagnostic, ...report.fidelity, ...report.detection, ...report.utility].map(
      (r) => r.name,
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'BoundaryAdherence',
        'CategoryAdherence',
        'WassersteinDistance',
        'AlphaPrecision',
        'LogisticDetection',
        'BoostedTreesDetection',
        'LinearUtility',
        'BoostedTreesUtility',
      ]),
    );
    for (const r of [...report.diagnostic, ...report.fidelity, ...report.detection, ...report.utility]) {
      if (r.name === 'KeyUniqueness') continue; // no id column: NaN with a reason
      expect(r.score, r.name).toBeGreaterThanOrEqual(0);
      expect(r.score, r.name).toBeLessThanOrEqual(1);
    }
    const key = report.diagnostic.find((r) => r.name === 'KeyUniqueness')!;
    expect(key.score).toBeNaN();
    expect(key.reason).toMatch(/no id column/);
  });

  it('detects a Gaussian copula (trees see more than a linear model) and keeps most utility', () => {
    const tree = report.detection.find((r) => r.name === 'BoostedTreesDetection')!;
    const lin = report.detection.find((r) => r.name === 'LogisticDetection')!;
    expect(tree.score).toBeLessThan(0.9);
    expect(tree.score).toBeLessThanOrEqual(lin.score + 0.05);
    const u = report.utility.find((r) => r.name === 'BoostedTreesUtility')!;
    const d = u.details as { trtr: { accuracy: number; rocAuc: number }; tstr: { accuracy: number } };
    expect(d.trtr.accuracy).toBeGreaterThan(0.8); // income is learnable from real Adult rows
    expect(d.trtr.rocAuc).toBeGreaterThan(0.85);
    expect(u.score).toBeGreaterThan(0.3);
  });

  it('is deterministic for a seed', async () => {
    const again = await evaluate({
      real,
      synthetic,
      metadata,
      target: 'income',
      seed: 7,
      metrics: ['detection', 'utility', 'AlphaPrecision'],
    });
    expect(again.detection.map((r) => r.score)).toEqual(report.detection.map((r) => r.score));
    expect(again.utility.map((r) => r.score)).toEqual(report.utility.map((r) => r.score));
    expect(JSON.parse(evaluationToJson(again)).quality).toBeUndefined();
  });
});
