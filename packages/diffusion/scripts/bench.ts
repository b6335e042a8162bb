// Adult through the Synthesizer with the ddpm generator: training time (wasm), sampling time for
// 26,049 rows with 100 and 1000 steps (onnxruntime-node, default threads), SDMetrics-style quality and
// TSTR/TRTR macro-F1. Medians over --runs; every time also as a ratio to the same-process baseline
// of bench/lib/measure.mjs (sorting 2M doubles), which stays comparable on a busy machine.
// Run: node --conditions=@synthkit/source --import tsx packages/diffusion/scripts/bench.ts [iterations] [runs] [hidden] [steps,…]
import { writeFileSync } from 'node:fs';
import {
  type Column,
  detectMetadata,
  parseOptions,
  Rng,
  Table,
  type ViewColumn,
  type ViewTable,
} from '@synthkit/core';
import { readCsvFile } from '@synthkit/core/node';
import { boostedTreesUtilityMetric, qualityReport } from '@synthkit/evaluate';
// @ts-expect-error plain .mjs helper shared by the bench suites
import { baseline, peakRssMb, time } from '../../../bench/lib/measure.mjs';
import { ddpm } from '../src/index.js';

const iterations = Number(process.argv[2] ?? 3000);
const runs = Number(process.argv[3] ?? 3);
const hidden = process.argv[4] ?? '256,256,256,256';
const stepsList = (process.argv[5] ?? '100,1000').split(',').map(Number);
const base = await baseline();
const { table, formats } = await readCsvFile(new URL('../../../data/adult.csv', import.meta.url).pathname);
const metadata = detectMetadata(table, { formats });
// the same 80/20 split as bench/suites/copula.mjs: 26,049 training rows
const order = [...Array(table.nRows).keys()];
let x = 42;
for (let i = order.length - 1; i > 0; i--) {
  x = (x * 48271) % 2147483647;
  const j = x % (i + 1);
  [order[i], order[j]] = [order[j]!, order[i]!];
}
const train = table.take(order.slice(0, Math.round(table.nRows * 0.8)));
const rows: Array<Record<string, unknown>> = [];
const push = (measure: string, value: number, unit: string, target?: string, ok?: boolean) => {
  const ratio = unit === 's' ? value / base.median : undefined;
  rows.push({ measure, value, unit, ratio, target, ok });
  console.error(
    `${measure}: ${value.toFixed(3)} ${unit}${ratio ? ` (${ratio.toFixed(1)}× baseline)` : ''}${target ? ` target ${target} ${ok ? 'ok' : 'MISSED'}` : ''}`,
  );
};

// The generator is driven directly (not through the Synthesizer) so one trained model can be
// sampled with 100 and with 1000 steps: `steps` is a load-time option of the fitted model.
const view: ViewTable = {
  nRows: train.nRows,
  columns: train.names.map((name): ViewColumn => {
    const c = train.column(name);
    if (c.type === 'number') return { kind: 'continuous', name, values: c.values };
    if (c.type !== 'categorical') throw new Error(`${name}: ${c.type}`);
    return { kind: 'discrete', name, codes: c.codes, labels: c.categories };
  }),
};
const plugin = ddpm({ iterations, hidden, backend: 'wasm' });
const options = parseOptions(plugin.options, {});
const t0 = performance.now();
let last = 0;
const model = await plugin.fit(view, options, {
  rng: new Rng(0),
  progress: (e) => {
    if (e.stage === 'epoch' && performance.now() - last > 30_000) {
      last = performance.now();
      console.error(`epoch ${e.done}/${e.total} ${JSON.stringify(e.metrics)}`);
    }
  },
});
const fitSeconds = (performance.now() - t0) / 1000;
push(
  `fit ${iterations} iterations on wasm (${train.nRows} rows, hidden ${hidden})`,
  fitSeconds,
  's',
  '≤ 600 s',
  fitSeconds <= 600,
);

const n = train.nRows;
const state = model.save();
// kept for re-sampling without retraining: sampleOnnxModel(out + '.onnx', out + '.json', n)
const out = process.env.DDPM_SAVE;
if (out) {
  writeFileSync(`${out}.onnx`, state.arrays.onnx as Uint8Array);
  writeFileSync(`${out}.json`, JSON.stringify((state.json as { sidecar: unknown }).sidecar));
}
async function sampleTable(steps: number, seed: number): Promise<Table> {
  const m = await plugin.load(state, { ...options, steps });
  const parts: ViewTable[] = [];
  for await (const b of m.sample(n, { rng: new Rng(seed), progress: () => {}, conditions: [], batchSize: n }))
    parts.push(b);
  const cols = parts[0]!.columns;
  return new Table(
    cols.map((c): [string, Column] =>
      c.kind === 'continuous'
        ? [c.name, { type: 'number', values: c.values }]
        : [c.name, { type: 'categorical', codes: c.codes, categories: c.labels }],
    ),
  );
}
for (const steps of stepsList) {
  const s = await time(() => sampleTable(steps, 1), { runs: steps === 100 ? runs : 1, warmup: 0 });
  const target = steps === 100 ? 5 : 45;
  push(`sample ${n} rows, ${steps} steps`, s.median, 's', `≤ ${target} s`, s.median <= target);
}

for (const steps of stepsList) {
  const syn = await sampleTable(steps, 3);
  const q = qualityReport({ real: train, synthetic: syn, metadata });
  push(`quality score (SDMetrics QualityReport), ${steps} steps`, q.overall, '', '≥ 0.88', q.overall >= 0.88);
  push(
    `  column shapes / pair trends, ${steps} steps`,
    q.properties.columnShapes,
    `/ ${q.properties.columnPairTrends.toFixed(3)}`,
  );
  const u = await boostedTreesUtilityMetric.compute(
    { real: train, synthetic: syn, metadata, target: 'income' },
    { rng: new Rng(0), progress: () => {} },
  );
  push(`TSTR/TRTR macro-F1 (boosted trees, income), ${steps} steps`, u.score, '', '≥ 0.90', u.score >= 0.9);
}
push('peak RSS', peakRssMb(), 'MB');
console.log(JSON.stringify({ suite: 'diffusion', baseline: base, rows }));
