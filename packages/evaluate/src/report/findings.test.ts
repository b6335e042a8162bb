import { type Column, Rng, Table } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../test/fixture-tables.js';
import { evaluate } from '../evaluate.js';
import { weakScoreFindings } from './findings.js';

describe('weak score findings', () => {
  it('puts weak detection, recall and utility into plain sentences, and nothing for good scores', () => {
    const found = weakScoreFindings(undefined, {
      detection: [
        { name: 'BoostedTreesDetection', score: 0.21 },
        { name: 'LogisticDetection', score: 0.93 },
      ],
      fidelity: [{ name: 'BetaRecall', score: 0.12 }],
      utility: [{ name: 'BoostedTreesUtility', score: 0.95 }],
    });
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(
      /^BoostedTreesDetection 0\.210: a classifier tells synthetic rows from real ones/,
    );
    expect(found[1]).toMatch(/^BetaRecall 0\.120: .*variety/);
  });

  it('reach the report: a synthetic table with shuffled columns is flagged', async () => {
    const { real, metadata } = await loadFixture('adult-copula');
    // Every column shuffled on its own: marginals kept exactly, every relation between columns gone.
    const synthetic = new Table(
      real.names.map((name, k): [string, Column] => [
        name,
        real.select([name]).take(new Rng(k).permutation(real.nRows)).column(name),
      ]),
    );
    const report = await evaluate({ real, synthetic, metadata, seed: 1, metrics: ['quality', 'detection'] });
    const tree = report.detection.find((r) => r.name === 'BoostedTreesDetection')!;
    expect(tree.score).toBeLessThan(0.5);
    expect(report.warnings.join('\n')).toContain(`BoostedTreesDetection ${tree.score.toFixed(3)}`);
  });
});
