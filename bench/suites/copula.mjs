// Gaussian copula on the bundled datasets: fit, in-memory sampling, 1M rows to CSV, conditional
// sampling, and fidelity (SDMetrics definitions) on an 80/20 split of Adult.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gaussianCopula } from '@synthkit/copula';
import { detectMetadata, Synthesizer } from '@synthkit/core';
import { readCsvFile, writeCsvFile } from '@synthkit/core/node';
import { qualityReport } from '@synthkit/evaluate';
import { baseline, peakRssMb, rowAdder, time, trainingSplit } from '../lib/measure.mjs';

const data = (name) => new URL(`../../data/${name}.csv`, import.meta.url).pathname;
const rows = [];
const base = await baseline();
const push = rowAdder(rows, base);

for (const name of ['adult', 'taxis', 'housing']) {
  const { table, formats } = await readCsvFile(data(name));
  const metadata = detectMetadata(table, { formats });
  const fit = await time(async () => {
    const s = new Synthesizer({ generator: gaussianCopula(), metadata });
    await s.fit(table, { seed: 0 });
  });
  push(
    name,
    'fit',
    fit.median,
    's',
    name === 'adult' ? '≤ 0.35 s' : undefined,
    name === 'adult' ? fit.median <= 0.35 : undefined,
    fit.cpu,
  );

  const synth = new Synthesizer({ generator: gaussianCopula(), metadata });
  await synth.fit(table, { seed: 0 });
  const n = 1_000_000;
  const sample = await time(() => synth.sample(n, { seed: 1 }), { runs: 5 });
  const rate = n / sample.median;
  push(
    name,
    'sample 1M rows in memory',
    rate,
    'rows/s',
    name === 'adult' ? '≥ 1,000,000 rows/s' : undefined,
    name === 'adult' ? rate >= 1e6 : undefined,
    n / sample.cpu,
  );

  const out = join(tmpdir(), `synthkit-bench-${name}.csv`);
  const write = await time(() => writeCsvFile(out, synth.sampleBatches(n, { seed: 1 }), metadata), {
    runs: 3,
  });
  rmSync(out, { force: true });
  push(
    name,
    '1M rows sampled + written to CSV',
    write.median,
    's',
    name === 'adult' ? '≤ 3 s' : undefined,
    name === 'adult' ? write.median <= 3 : undefined,
    write.cpu,
  );

  if (name === 'adult') {
    const cond = await time(
      () => synth.sample(10_000, { seed: 2, conditions: { sex: ' Female', age: { min: 30, max: 40 } } }),
      { runs: 7 },
    );
    push(
      name,
      'conditional 10k rows, 2 fixed columns',
      cond.median,
      's',
      '≤ 0.1 s',
      cond.median <= 0.1,
      cond.cpu,
    );

    // Fidelity: fit on 80%, sample as many rows, score against the same 80% as SDMetrics does.
    const train = trainingSplit(table);
    const s = new Synthesizer({ generator: gaussianCopula(), metadata });
    await s.fit(train, { seed: 0 });
    const syn = await s.sample(train.nRows, { seed: 3 });
    const q = qualityReport({ real: train, synthetic: syn, metadata });
    const numeric = new Set(
      Object.entries(metadata.columns)
        .filter(([, c]) => c.sdtype === 'numerical')
        .map(([k]) => k),
    );
    const corr = q.columnPairTrends.filter((p) => numeric.has(p.columns[0]) && numeric.has(p.columns[1]));
    const corrMean = corr.reduce((a, p) => a + p.score, 0) / corr.length;
    push(
      name,
      'column shapes (mean KS/TV complement)',
      q.properties.columnShapes,
      '',
      '≥ 0.92',
      q.properties.columnShapes >= 0.92,
    );
    push(name, 'correlation similarity, numerical pairs', corrMean, '', '≥ 0.90', corrMean >= 0.9);
    push(name, 'quality score (SDMetrics)', q.overall, '', '(reference copula 0.87)', undefined);
  }
}
push('all', 'peak RSS of this suite', peakRssMb(), 'MB', '≤ 600 MB', peakRssMb() <= 600);

console.log(
  JSON.stringify({
    suite: 'copula',
    description: 'Gaussian copula through the Synthesizer (medians of ≥ 3 runs).',
    baseline: base,
    rows,
  }),
);
