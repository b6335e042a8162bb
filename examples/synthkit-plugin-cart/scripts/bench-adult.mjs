#!/usr/bin/env node
import { cpus, loadavg } from 'node:os';
import { cpuUsage } from 'node:process';
// Fit + sample time and SDMetrics-equivalent quality of the cart generator on Adult, through the
// Synthesizer as a user runs it. Medians of RUNS runs (default 5). Needs a build: npm run build.
//   node examples/synthkit-plugin-cart/scripts/bench-adult.mjs [runs]
import { fileURLToPath } from 'node:url';
import { detectMetadata, Synthesizer } from '@synthkit/core';
import { readCsvFile } from '@synthkit/core/node';
import { qualityReport } from '@synthkit/evaluate';
import { cart } from '../dist/index.js';

const runs = Number(process.argv[2] ?? 5);
const path = fileURLToPath(new URL('../../../data/adult.csv', import.meta.url));
const { table, formats } = await readCsvFile(path);
const metadata = detectMetadata(table, { formats });

const rows = [];
for (let run = 0; run < runs; run++) {
  const synth = new Synthesizer({ generator: cart(), metadata });
  const cpu0 = cpuUsage();
  const t0 = performance.now();
  await synth.fit(table, { seed: run });
  const t1 = performance.now();
  const synthetic = await synth.sample(table.nRows, { seed: run });
  const t2 = performance.now();
  const cpu = cpuUsage(cpu0);
  const q = qualityReport({ real: table, synthetic, metadata });
  rows.push({
    fit: (t1 - t0) / 1000,
    sample: (t2 - t1) / 1000,
    total: (t2 - t0) / 1000,
    cpu: (cpu.user + cpu.system) / 1e6,
    quality: q.overall,
    shapes: q.properties.columnShapes,
    pairs: q.properties.columnPairTrends,
    modelBytes: synth.save().byteLength,
  });
  console.error(
    `run ${run + 1}/${runs}: fit ${rows.at(-1).fit.toFixed(2)} s, sample ${rows.at(-1).sample.toFixed(2)} s, quality ${q.overall.toFixed(4)}`,
  );
}

const median = (k) => {
  const v = rows.map((r) => r[k]).sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const m = (k) => median(k);
const fastest = Math.min(...rows.map((r) => r.total));
// The last stdout line has the shape of synthkit's bench harness (bench/run.mjs) rows.
const result = {
  suite: 'cart',
  description: `synthkit-plugin-cart (defaults) on Adult (${table.nRows} rows x ${table.nColumns} columns) through the Synthesizer; medians of ${runs} runs; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
  rows: [
    { dataset: 'adult', measure: 'fit', value: m('fit'), unit: 's' },
    { dataset: 'adult', measure: `sample ${table.nRows} rows`, value: m('sample'), unit: 's' },
    {
      dataset: 'adult',
      measure: 'fit + sample',
      value: m('total'),
      unit: 's',
      target: '≤ 5 s',
      ok: m('total') <= 5,
    },
    {
      dataset: 'adult',
      measure: 'fit + sample, fastest run',
      value: fastest,
      unit: 's',
      target: '≤ 5 s',
      ok: fastest <= 5,
    },
    { dataset: 'adult', measure: 'fit + sample, CPU time', value: m('cpu'), unit: 's' },
    {
      dataset: 'adult',
      measure: 'quality (SDMetrics Quality Report)',
      value: m('quality'),
      unit: '',
      target: '≥ 0.90',
      ok: m('quality') >= 0.9,
    },
    { dataset: 'adult', measure: 'column shapes', value: m('shapes'), unit: '' },
    { dataset: 'adult', measure: 'column pair trends', value: m('pairs'), unit: '' },
    { dataset: 'adult', measure: 'saved model size', value: m('modelBytes') / 1e6, unit: 'MB' },
  ],
};
console.log(JSON.stringify(result));
