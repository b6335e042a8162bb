// @synthkit/privacy on Adult: an 80/20 split (26,049 train, 6,512 control rows) audited against
// 26,049 synthetic rows of a weak generator (each column drawn on its own from the training
// marginals: far neighbours, the slow case for the search) and of a leaky one (training rows with
// 1% noise on numbers), which the audit must flag.
import { detectMetadata, Rng, Table } from '@synthkit/core';
import { readCsvFile } from '@synthkit/core/node';
import { closestRecords, splitTable } from '@synthkit/privacy';
import { audit, parallelSearch } from '@synthkit/privacy/node';
import { baseline, peakRssMb, rowAdder, time } from '../lib/measure.mjs';

const rows = [];
const base = await baseline();
const add = rowAdder(rows, base);
/** A timing (`time()`'s result) on Adult: wall median, with its CPU time and baseline ratio. */
const push = (measure, t, target, ok) => add('adult', measure, t.median, 's', target, ok, t.cpu);

const { table, formats } = await readCsvFile(new URL('../../data/adult.csv', import.meta.url).pathname);
const metadata = detectMetadata(table, { formats });
const { train, control } = splitTable(table, { holdout: 0.2, seed: 0 });
const rng = new Rng(5);
const marginal = new Table(
  train.names.map((name) => [
    name,
    train
      .select([name])
      .take(Int32Array.from({ length: train.nRows }, () => rng.int(train.nRows)))
      .column(name),
  ]),
);
const leaky = new Table(
  train
    .take(rng.permutation(train.nRows))
    .columns()
    .map(([name, c]) => {
      if (c.type !== 'number') return [name, c];
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of c.values) if (!Number.isNaN(v)) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
      const sd = 0.01 * (hi - lo);
      return [
        name,
        { type: 'number', values: Float64Array.from(c.values, (v) => Math.round(v + rng.normal(0, sd))) },
      ];
    }),
);
const secrets = ['income', 'occupation', 'age'];
const size = `${train.nRows} train / ${control.nRows} control / ${marginal.nRows} synthetic rows`;

const search = parallelSearch();
const knn = await time(() => closestRecords(train, marginal, metadata, { k: 2, search }), {
  runs: 5,
  warmup: 1,
});
push(
  `exact 2 nearest neighbours, ${marginal.nRows} synthetic x ${train.nRows} train rows, 15 mixed columns (worker threads)`,
  knn,
  '≤ 5 s',
  knn.median <= 5,
);
const dcr = await time(
  () => audit({ train, control, synthetic: marginal, metadata, attacks: ['dcr'], seed: 0 }),
  {
    runs: 3,
    warmup: 0,
  },
);
push(`DCR attack (4 neighbour searches), ${size}`, dcr);

let report;
const whole = await time(
  async () => {
    report = await audit({ train, control, synthetic: marginal, metadata, secrets, seed: 0 });
  },
  { runs: 3, warmup: 0 },
);
push(`whole default audit, weak generator, ${size}`, whole, '≤ 60 s', whole.median <= 60);
const measurable = (r) => r.attacks.filter((a) => a.ci[0] > 0).map((a) => a.name);
rows.push({
  dataset: 'adult',
  measure: `attacks with measurable risk, weak generator: ${measurable(report).join(', ') || 'none'}`,
  value: measurable(report).length,
  unit: 'attacks',
});
const leakyReport = await audit({ train, control, synthetic: leaky, metadata, secrets, seed: 0 });
rows.push({
  dataset: 'adult',
  measure: `attacks with measurable risk, leaky generator (must be most): ${measurable(leakyReport).join(', ')}`,
  value: measurable(leakyReport).length,
  unit: 'attacks',
  target: `≥ ${Math.ceil(leakyReport.attacks.length / 2)}`,
  ok: measurable(leakyReport).length >= Math.ceil(leakyReport.attacks.length / 2),
});
rows.push({ dataset: 'all', measure: 'peak RSS of this suite', value: Math.round(peakRssMb()), unit: 'MB' });

console.log(
  JSON.stringify({
    suite: 'privacy',
    description:
      'Privacy audit on Adult (80/20 split; medians of 3 runs; worker threads for the neighbour search).',
    baseline: base,
    rows,
  }),
);
