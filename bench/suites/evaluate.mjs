// @synthkit/evaluate on Adult: an 80% split (26k rows) as the real table against 26k synthetic rows
// (each column shuffled on its own: right marginals, no dependence, so every metric has work to do).
import { detectMetadata, Rng, Table } from '@synthkit/core';
import { readCsvFile } from '@synthkit/core/node';
import { evaluate, qualityReport } from '@synthkit/evaluate';
import { baseline, peakRssMb, rowAdder, time } from '../lib/measure.mjs';

const rows = [];
const base = await baseline();
const push = rowAdder(rows, base);

const { table, formats } = await readCsvFile(new URL('../../data/adult.csv', import.meta.url).pathname);
const metadata = detectMetadata(table, { formats });
const rng = new Rng(42);
const n = Math.round(table.nRows * 0.8);
const real = table.take(rng.permutation(table.nRows).slice(0, n));
const synthetic = new Table(
  real.names.map((name) => [name, real.select([name]).take(rng.fork(name).permutation(n)).column(name)]),
);

// a fresh Table object each run, so the per-table preparation is measured too
const fresh = (t) => new Table(t.columns());
const q = await time(() => qualityReport({ real: fresh(real), synthetic: fresh(synthetic), metadata }), {
  runs: 7,
});
const report = qualityReport({ real, synthetic, metadata });
push(
  'adult',
  `quality report, ${n} x ${n} rows, ${report.columnShapes.length} columns, ${report.columnPairTrends.length} pairs`,
  q.median,
  's',
  '≤ 0.2 s',
  q.median <= 0.2,
  q.cpu,
);

const d = await time(
  () =>
    evaluate({
      real: fresh(real),
      synthetic: fresh(synthetic),
      metadata,
      target: 'income',
      metrics: ['detection', 'utility'],
      seed: 1,
    }),
  { runs: 3, warmup: 0 },
);
push(
  'adult',
  'detection (2 models, 3-fold CV) + utility (2 models, TSTR + TRTR)',
  d.median,
  's',
  '≤ 20 s',
  d.median <= 20,
  d.cpu,
);

const all = await time(
  () => evaluate({ real: fresh(real), synthetic: fresh(synthetic), metadata, target: 'income', seed: 1 }),
  { runs: 1, warmup: 0 },
);
push('adult', 'full evaluate() (every metric)', all.median, 's', undefined, undefined, all.cpu);
push('all', 'peak RSS of this suite', peakRssMb(), 'MB', '≤ 800 MB', peakRssMb() <= 800);

console.log(
  JSON.stringify({
    suite: 'evaluate',
    description: 'Evaluation metrics on Adult 26k x 26k (medians).',
    baseline: base,
    rows,
  }),
);
