import type { Metadata, MetricResult, Table } from '@synthkit/core';
import {
  barChart,
  distributionPlot,
  grid,
  heatmap,
  lineChart,
  mosaicPlot,
  type RenderOptions,
  type ReportBlock,
  type ReportSection,
  renderReport,
  type ScoreItem,
  scatterPlot,
  scoreSummary,
  table,
  text,
} from '@synthkit/report';
import type { EvaluationReport } from '../evaluate.js';
import type { ContinuousPair } from '../prepare/prepared.js';
import { prepared } from '../prepare/prepared.js';
import { associationMatrix, distributionData, mosaicData, scatterData } from './chart-data.js';

export interface EvaluationHtmlInput {
  readonly real: Table;
  readonly synthetic: Table;
  readonly metadata: Metadata;
}

export const WORST_PAIRS = 4;

const num = (v: number | null | undefined): number | null =>
  v === undefined || v === null || Number.isNaN(v) ? null : v;

function summarySection(report: EvaluationReport): ReportSection {
  const items: ScoreItem[] = [];
  if (report.quality) {
    items.push({
      label: 'Quality (SDMetrics)',
      value: num(report.quality.overall),
      hint: 'mean of column shapes and pair trends',
    });
    items.push({ label: 'Column shapes', value: num(report.quality.properties.columnShapes) });
    items.push({ label: 'Column pair trends', value: num(report.quality.properties.columnPairTrends) });
  }
  for (const r of [...report.diagnostic, ...report.fidelity, ...report.detection, ...report.utility])
    items.push({
      label: r.name,
      value: num(r.score),
      ...(r.reason && Number.isNaN(r.score) ? { hint: r.reason } : {}),
    });
  const blocks: ReportBlock[] = [scoreSummary(items)];
  if (report.warnings.length > 0)
    blocks.push(
      table(
        ['Warning'],
        report.warnings.map((w) => [w]),
        { caption: 'Read these before trusting the scores' },
      ),
    );
  return {
    id: 'summary',
    title: 'Summary',
    intro: `${report.rows.real.toLocaleString('en-US')} real rows, ${report.rows.synthetic.toLocaleString('en-US')} synthetic rows, seed ${report.seed}${
      report.target ? `, target "${report.target}"` : ''
    }. Scores are in [0, 1], higher is better.`,
    blocks,
  };
}

function detailRows(r: MetricResult): [string, number | null, string][] {
  const d = r.details as
    | { columns?: { column: string; score: number | null; reason?: string }[] }
    | undefined;
  return (d?.columns ?? []).map((c) => [c.column, c.score, c.reason ?? '']);
}

export function evaluationSections(report: EvaluationReport, input: EvaluationHtmlInput): ReportSection[] {
  const data = prepared(input.real, input.synthetic, input.metadata);
  const sections: ReportSection[] = [summarySection(report)];
  const q = report.quality;
  if (q) {
    sections.push({
      title: 'Column shapes',
      intro:
        'KSComplement (numerical, datetime) and TVComplement (categorical, boolean) per column, as SDMetrics computes them.',
      blocks: [
        barChart({
          title: 'Column shape score',
          labels: q.columnShapes.map((c) => c.column),
          series: [{ name: 'score', values: q.columnShapes.map((c) => num(c.score)) }],
        }),
        table(
          ['Column', 'Metric', 'Score', 'Note'],
          q.columnShapes.map((c) => [c.column, c.metric, num(c.score), c.reason ?? '']),
          { scoreColumns: [2] },
        ),
      ],
    });
  }
  sections.push({
    title: 'Distributions',
    intro:
      'Share of rows per bin (numerical, datetime: 30 equal-width bins over both tables) or per category, real beside synthetic.',
    blocks: [
      grid(
        3,
        data.columns.map((c) => distributionPlot(distributionData(c))),
      ),
    ],
  });
  if (q && data.columns.length > 1) {
    const labels = data.columns.map((c) => c.name);
    const index = new Map(labels.map((l, i) => [l, i]));
    const scores: (number | null)[][] = labels.map((_, i) => labels.map((_, j) => (i === j ? 1 : null)));
    for (const p of q.columnPairTrends) {
      const i = index.get(p.columns[0])!;
      const j = index.get(p.columns[1])!;
      scores[i]![j] = num(p.score);
      scores[j]![i] = num(p.score);
    }
    sections.push({
      title: 'Column pair trends',
      intro:
        "Association of every pair in each table: Pearson's r for two numerical/datetime columns, Cramér's V (continuous columns in 10 bins) otherwise. The third map is each pair's SDMetrics score.",
      blocks: [
        grid(2, [
          heatmap({
            title: 'Real association',
            labels,
            values: associationMatrix(data, 'real'),
            min: -1,
            max: 1,
          }),
          heatmap({
            title: 'Synthetic association',
            labels,
            values: associationMatrix(data, 'synthetic'),
            min: -1,
            max: 1,
          }),
        ]),
        heatmap({
          title: 'Pair score (CorrelationSimilarity / ContingencySimilarity)',
          labels,
          values: scores,
          min: 0,
          max: 1,
        }),
      ],
    });
    const worst = q.columnPairTrends
      .filter((p) => !Number.isNaN(p.score))
      .sort((a, b) => a.score - b.score)
      .slice(0, WORST_PAIRS);
    sections.push({
      title: 'Worst pairs',
      intro: `The ${worst.length} pairs with the lowest scores: scatter plots for two continuous columns (a sample of rows), side-by-side contingency tiles otherwise.`,
      blocks: worst.map((p) => {
        const a = data.byName.get(p.columns[0])!;
        const b = data.byName.get(p.columns[1])!;
        const caption = text(`${p.columns[0]} × ${p.columns[1]}: ${p.metric} ${p.score.toFixed(3)}`);
        return a.kind === 'continuous' && b.kind === 'continuous'
          ? grid(1, [
              caption,
              scatterPlot(scatterData(a as ContinuousPair, b as ContinuousPair, report.seed)),
            ])
          : grid(1, [caption, mosaicPlot(mosaicData(a, b))]);
      }),
    });
  }
  if (report.diagnostic.length > 0)
    sections.push({
      title: 'Diagnostic',
      intro:
        'Basic validity: values within the real bounds and categories, coverage of the real range and categories, missing-value rates, key uniqueness.',
      blocks: [
        table(
          ['Metric', 'Column', 'Score', 'Note'],
          report.diagnostic.flatMap((r) => {
            const rows = detailRows(r);
            return rows.length > 0
              ? rows.map(([c, s, note]) => [r.name, c, s, note])
              : [[r.name, '(all)', num(r.score), r.reason ?? '']];
          }),
          { scoreColumns: [2] },
        ),
      ],
    });
  if (report.fidelity.length > 0) {
    const blocks: ReportBlock[] = [
      table(
        ['Metric', 'Column', 'Score', 'Note'],
        report.fidelity.flatMap((r) => {
          const rows = detailRows(r);
          return rows.length > 0
            ? rows.map(([c, s, note]) => [r.name, c, s, note])
            : [[r.name, '(table)', num(r.score), r.reason ?? '']];
        }),
        { scoreColumns: [2] },
      ),
    ];
    const ab = report.fidelity.find((r) => r.name === 'AlphaPrecision' || r.name === 'BetaRecall')?.details as
      | { alphas: number[]; precisionCurve: number[]; recallCurve: number[] }
      | undefined;
    if (ab)
      blocks.push(
        lineChart({
          title: 'α-precision and β-recall curves (ideal: the diagonal)',
          x: ab.alphas,
          xLabel: 'α, β',
          series: [
            { name: 'α-precision', values: ab.precisionCurve },
            { name: 'β-recall', values: ab.recallCurve },
            { name: 'ideal', values: ab.alphas, dashed: true },
          ],
        }),
      );
    sections.push({
      title: 'Extra fidelity',
      intro:
        '1 − Wasserstein distance (relative to the real range) and 1 − Jensen–Shannon distance per column; α-precision and β-recall (Alaa et al., 2022) on a standardised embedding of all columns.',
      blocks,
    });
  }
  if (report.detection.length > 0)
    sections.push({
      title: 'Detection',
      intro:
        'Can a classifier tell real rows from synthetic ones? 3-fold stratified cross-validation; score = 1 − mean(max(AUC, ½)·2 − 1), 1 = indistinguishable.',
      blocks: [
        table(
          ['Metric', 'AUC per fold', 'Mean AUC', 'Score'],
          report.detection.map((r) => {
            const d = r.details as { aucs?: number[]; meanAuc?: number } | undefined;
            return [
              r.name,
              d?.aucs?.map((a) => a.toFixed(3)).join(', ') ?? r.reason ?? '',
              num(d?.meanAuc),
              num(r.score),
            ];
          }),
          { scoreColumns: [3] },
        ),
      ],
    });
  if (report.utility.length > 0)
    sections.push({
      title: 'Utility',
      intro: `Train on synthetic, test on real (TSTR) against train on real, test on real (TRTR), both tested on the same held-out third of the real rows${
        report.target ? `, predicting "${report.target}"` : ''
      }. Ratio = TSTR / TRTR (TRTR / TSTR for MAE).`,
      blocks: [
        table(
          ['Model', 'Score', 'TRTR', 'TSTR', 'Ratio'],
          report.utility.flatMap((r) => {
            const d = r.details as
              | {
                  trtr?: Record<string, number | null>;
                  tstr?: Record<string, number | null>;
                  ratio?: Record<string, number | null>;
                }
              | undefined;
            if (!d?.trtr || Object.keys(d.trtr).length === 0)
              return [[r.name, r.reason ?? 'not computable', null, null, null]];
            return Object.keys(d.trtr).map((k) => [
              r.name,
              k,
              d.trtr?.[k] ?? null,
              d.tstr?.[k] ?? null,
              d.ratio?.[k] ?? null,
            ]);
          }),
        ),
      ],
    });
  return sections;
}

/** A self-contained HTML page (charts inlined, works offline) for an evaluation report. */
export function renderEvaluationHtml(
  report: EvaluationReport,
  input: EvaluationHtmlInput,
  options: RenderOptions = {},
): string {
  return renderReport(
    {
      title: 'Synthetic data evaluation',
      subtitle: `Fidelity, diagnostics, detection${report.utility.length > 0 ? ' and utility' : ''} of a synthetic table against its real counterpart`,
      sections: evaluationSections(report, input),
      footer: `synthkit evaluate · report version ${report.version} · seed ${report.seed}`,
    },
    options,
  );
}
