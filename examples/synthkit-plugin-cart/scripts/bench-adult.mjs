#!/usr/bin/env node
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
const result = {
  dataset: 'adult',
  rows: table.nRows,
  columns: table.nColumns,
  generator: 'cart (synthkit-plugin-cart, defaults)',
  runs,
  node: process.version,
  medians: Object.fromEntries(
    ['fit', 'sample', 'total', 'cpu', 'quality', 'shapes', 'pairs', 'modelBytes'].map((k) => [k, median(k)]),
  ),
  targets: { totalSeconds: 5, quality: 0.9 },
};
console.log(JSON.stringify(result, null, 2));
