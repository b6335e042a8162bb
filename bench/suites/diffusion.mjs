// The ddpm generator (TabDDPM-style diffusion, @synthkit/diffusion) on Adult's 80 % split (26,049
// rows), default network (4 × 256 ReLU, T = 1000): a short training run on tfjs wasm (per-step time,
// and 3000 iterations extrapolated from it), then sampling all 26,049 rows with 100 steps (median of
// 3, int8 and float32 arithmetic alternating) and 1000 steps (once, int8) on onnxruntime-node. The
// sampling cost does not depend on how long the model trained. Quality and utility need the full 3000-iteration fit: packages/diffusion/scripts/bench.ts.
// About 6 min on a 2-core machine at load 2–3, most of it sampling.
// Knobs: DDPM_BENCH_ITERATIONS (default 96, rounded up to whole passes: 100), DDPM_BENCH_RUNS
// (default 3), DDPM_BENCH_LONG=0 skips the 1000-step run.
import { parseOptions, Rng } from '@synthkit/core';
import { readCsvFile } from '@synthkit/core/node';
import { ddpm } from '@synthkit/diffusion';
import { baseline, median, peakRssMb, rowAdder, time, trainingSplit } from '../lib/measure.mjs';

const iterations = Number(process.env.DDPM_BENCH_ITERATIONS ?? 96);
const runs = Number(process.env.DDPM_BENCH_RUNS ?? 3);
const long = process.env.DDPM_BENCH_LONG !== '0';
const DEFAULT_ITERATIONS = 3000;
const rows = [];
const loadAtStart = (await import('node:os')).loadavg()[0].toFixed(1);
const base = await baseline();
const add = rowAdder(rows, base);
const push = (...row) => add('adult', ...row);

// the same 80/20 split as bench/suites/copula.mjs
const { table } = await readCsvFile(new URL('../../data/adult.csv', import.meta.url).pathname);
const train = trainingSplit(table);
const view = {
  nRows: train.nRows,
  columns: train.names.map((name) => {
    const c = train.column(name);
    if (c.type === 'number') return { kind: 'continuous', name, values: c.values };
    return { kind: 'discrete', name, codes: c.codes, labels: c.categories };
  }),
};

// Training: wall time between the first and the last epoch's end, per step (excludes backend
// start-up, the encoder fit and the ONNX export, which happen once).
const plugin = ddpm({ iterations, backend: 'wasm' });
const options = parseOptions(plugin.options, {});
const marks = [];
const c0 = process.cpuUsage();
const t0 = performance.now();
const model = await plugin.fit(view, options, {
  rng: new Rng(0),
  progress: (e) => {
    if (e.stage === 'epoch') marks.push({ at: performance.now(), done: e.done, total: e.total });
  },
});
const fitSeconds = (performance.now() - t0) / 1000;
const cpuFit = process.cpuUsage(c0);
const first = marks[0];
const last = marks.at(-1);
const trained = model.save().json.training.iterations;
const stepsPerEpoch = trained / last.total;
const msPerStep =
  marks.length > 1
    ? (last.at - first.at) / ((last.done - first.done) * stepsPerEpoch)
    : (fitSeconds * 1000) / trained;
// CPU time of the whole call per step (includes the one-off work, so a little high)
const cpuPerStep = (cpuFit.user + cpuFit.system) / 1e3 / trained;
push(`fit ${trained} iterations on wasm, whole call`, fitSeconds, 's');
push(
  `training step (batch 1024), measured over ${trained} iterations`,
  msPerStep,
  'ms',
  undefined,
  undefined,
  cpuPerStep,
);
const extrapolated = (msPerStep * DEFAULT_ITERATIONS) / 1000;
push(
  `fit ${DEFAULT_ITERATIONS} iterations on wasm, extrapolated from the step time`,
  extrapolated,
  's',
  '≤ 600 s',
  extrapolated <= 600,
  (cpuPerStep * DEFAULT_ITERATIONS) / 1000,
);

// Sampling: all rows, decoded to columns, through the fitted model (onnxruntime-node, defaults:
// int8 dense layers, one single-thread session per core, batches of 4096 rows; each step is one
// session call running the denoiser and the posterior). The 100-step run alternates with the same
// sampling in float32 arithmetic, so their ratio is measured under the same load.
const state = model.save();
const n = train.nRows;
const loaded = new Map();
async function sample(steps, precision) {
  const key = `${steps}/${precision}`;
  if (!loaded.has(key)) loaded.set(key, await plugin.load(state, { ...options, steps, precision }));
  let got = 0;
  for await (const b of loaded
    .get(key)
    .sample(n, { rng: new Rng(1), progress: () => {}, conditions: [], batchSize: n }))
    got += b.nRows;
  if (got !== n) throw new Error(`sampled ${got} rows, wanted ${n}`);
}
await sample(100, 'int8'); // session start-up and first-call allocations, not timed
await sample(100, 'float32');
const seconds = { int8: [], float32: [] };
const cpu = { int8: [], float32: [] };
for (let r = 0; r < runs; r++)
  for (const precision of ['int8', 'float32']) {
    const s = await time(() => sample(100, precision), { runs: 1, warmup: 0 });
    seconds[precision].push(s.median);
    cpu[precision].push(s.cpu);
  }
const report = (steps, target, reps, label, wall, cpuSeconds) => {
  push(
    `sample ${n} rows, ${steps} steps${label} (median of ${reps})`,
    wall,
    's',
    `≤ ${target} s`,
    wall <= target,
    cpuSeconds,
  );
  push(
    `per sampling step, ${steps} steps${label}`,
    (wall * 1000) / steps,
    'ms',
    `≤ ${(target * 1000) / steps} ms`,
    (wall * 1000) / steps <= (target * 1000) / steps,
  );
};
report(100, 5, runs, '', median(seconds.int8), median(cpu.int8));
report(100, 5, runs, ', float32 arithmetic', median(seconds.float32), median(cpu.float32));
push(
  'int8 speed-up over float32, 100 steps (same process, alternating runs)',
  median(seconds.float32) / median(seconds.int8),
  '×',
);
if (long) {
  const s = await time(() => sample(1000, 'int8'), { runs: 1, warmup: 0 });
  report(1000, 45, 1, '', s.median, s.cpu);
}
push('peak RSS of this suite', peakRssMb(), 'MB');

console.log(
  JSON.stringify({
    suite: 'diffusion',
    description: `ddpm (TabDDPM-style) on Adult's 26,049-row split, default 4 × 256 network: training step on tfjs wasm from a ${iterations}-iteration run (3000 iterations extrapolated), sampling on onnxruntime-node (int8 default and float32, medians). Load average at start: ${loadAtStart}, at end: ${(await import('node:os')).loadavg()[0].toFixed(1)}.`,
    baseline: base,
    rows,
  }),
);
