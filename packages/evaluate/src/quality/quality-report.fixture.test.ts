import { describe, expect, it } from 'vitest';
import { loadFixture, loadFixtureAsText } from '../../test/fixture-tables.js';
import { qualityReport } from './quality-report.js';

// SDMetrics 0.18.0's QualityReport on the same tables (data/fixtures/sdmetrics): every per-column and
// per-pair score within 0.002, the overall score within 0.001.
describe.each([
  ['adult-copula', 'typed'],
  ['taxis-ctgan', 'typed'],
  ['adult-copula', 'text'],
  ['taxis-ctgan', 'text'],
])('qualityReport matches SDMetrics on %s (columns read as %s)', async (name, how) => {
  const { real, synthetic, metadata, scores } =
    how === 'typed' ? await loadFixture(name) : loadFixtureAsText(name);
  const report = qualityReport({ real, synthetic, metadata });

  it('overall and property scores', () => {
    expect(Math.abs(report.overall - scores.quality)).toBeLessThan(0.001);
    expect(Math.abs(report.properties.columnShapes - scores.properties['Column Shapes'])).toBeLessThan(0.002);
    expect(
      Math.abs(report.properties.columnPairTrends - scores.properties['Column Pair Trends']),
    ).toBeLessThan(0.002);
  });

  it('every column shape', () => {
    expect(report.columnShapes.map((c) => c.column)).toEqual(scores.column_shapes.map((c) => c.column));
    for (const [i, ref] of scores.column_shapes.entries()) {
      const got = report.columnShapes[i]!;
      expect(got.metric, ref.column).toBe(ref.metric);
      expect(Math.abs(got.score - ref.score), `${ref.column}: ${got.score} vs ${ref.score}`).toBeLessThan(
        0.002,
      );
    }
  });

  it('every column pair trend', () => {
    expect(report.columnPairTrends).toHaveLength(scores.column_pair_trends.length);
    for (const [i, ref] of scores.column_pair_trends.entries()) {
      const got = report.columnPairTrends[i]!;
      const label = `${ref.column_1} x ${ref.column_2}: ${got.score} vs ${ref.score}`;
      expect(got.columns).toEqual([ref.column_1, ref.column_2]);
      expect(got.metric, label).toBe(ref.metric);
      expect(Math.abs(got.score - ref.score), label).toBeLessThan(0.002);
      if (ref.real_correlation !== null) {
        expect(Math.abs(got.real! - ref.real_correlation), label).toBeLessThan(0.002);
        expect(Math.abs(got.synthetic! - ref.synthetic_correlation!), label).toBeLessThan(0.002);
      }
    }
  });
});
