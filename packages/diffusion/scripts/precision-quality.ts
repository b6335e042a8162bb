// A saved Adult model (the .onnx + .json pair scripts/bench.ts writes with DDPM_SAVE=path) sampled
// with float32 and with int8 arithmetic in one process: seconds for 26,049 rows (median of `runs`,
// alternating), SDMetrics-style quality and TSTR/TRTR macro-F1 of each, same seed.
// Run: node --conditions=@synthkit/source --import tsx packages/diffusion/scripts/precision-quality.ts /tmp/ddpm-bench/adult [steps] [runs] [sessions] [threads]
import { detectMetadata, Rng, Table } from '@synthkit/core';
import { readCsvFile } from '@synthkit/core/node';
import { boostedTreesUtilityMetric, qualityReport } from '@synthkit/evaluate';
// @ts-expect-error plain .mjs helper shared by the bench suites
import { baseline, median, trainingSplit } from '../../../bench/lib/measure.mjs';
import { OnnxTabularModel, type Precision } from '../src/byo/onnx-tabular-model.js';

const path = process.argv[2] ?? '/tmp/ddpm-bench/adult';
const steps = Number(process.argv[3] ?? 100);
const runs = Number(process.argv[4] ?? 3);
const sessions = Number(process.argv[5] ?? 1);
const threads = Number(process.argv[6] ?? 0);
const base = await baseline();
const { table, formats } = await readCsvFile(new URL('../../../data/adult.csv', import.meta.url).pathname);
const metadata = detectMetadata(table, { formats });
const train = trainingSplit(table) as Table;
const n = train.nRows;
const precisions: Precision[] = ['float32', 'int8'];
const models = new Map<Precision, OnnxTabularModel>();
for (const precision of precisions)
  models.set(
    precision,
    await OnnxTabularModel.load(`${path}.onnx`, `${path}.json`, { precision, sessions, threads }),
  );
const sample = async (precision: Precision, seed: number): Promise<Table> => {
  const parts: Table[] = [];
  for await (const t of models.get(precision)!.sample(n, { seed, steps })) parts.push(t);
  return Table.concat(parts);
};
const times = new Map<Precision, number[]>(precisions.map((p) => [p, []]));
for (let r = 0; r < runs; r++)
  for (const p of precisions) {
    const t0 = performance.now();
    await sample(p, 1);
    times.get(p)!.push((performance.now() - t0) / 1000);
  }
const result: Record<string, unknown> = {
  steps,
  sessions,
  runtime: models.get('int8')!.runtime,
  baseline: base.median,
};
for (const p of precisions) {
  const syn = await sample(p, 3);
  const q = qualityReport({ real: train, synthetic: syn, metadata });
  const u = await boostedTreesUtilityMetric.compute(
    { real: train, synthetic: syn, metadata, target: 'income' },
    { rng: new Rng(0), progress: () => {} },
  );
  result[p] = {
    seconds: median(times.get(p)!),
    runs: times.get(p),
    quality: q.overall,
    shapes: q.properties.columnShapes,
    pairs: q.properties.columnPairTrends,
    tstr: u.score,
  };
  console.error(p, JSON.stringify(result[p]));
}
console.log(JSON.stringify(result));
for (const m of models.values()) await m.release();
