import { Rng } from '@synthkit/core';
import { OnnxTabularModel, type Precision } from '../src/byo/onnx-tabular-model.js';
import { denoiserToOnnx } from '../src/denoiser/onnx-denoiser.js';
import { sidecarLayout } from '../src/encoder/sidecar.js';
import { OnnxDenoiser } from '../src/onnx/onnx-denoiser-session.js';
import { denoiseBatches } from '../src/sampling/denoise-batches.js';
import { scheduleFromSpec } from '../src/schedule/noise-schedule.js';
import { JsStepRunner } from '../test/js-step-runner.js';
import { randomAdultDenoiser } from '../test/random-denoiser.js';

// Sampling speed alone (it does not depend on the weights): the Adult-shaped denoiser with random
// weights, n rows × steps through the whole loop, for each configuration
// "precision/threads/sessions/batch", alternating the configurations `runs` times in this one
// process; medians in ms per step. precision "js" is the previous loop: the float32 network in
// onnxruntime, the posterior in JavaScript (test/js-step-runner.ts).
// Usage: sample-speed.ts [rows] [steps] [runs] [config …]   e.g. js/2/1/4096 int8/1/2/4096
const n = Number(process.argv[2] ?? 26049);
const steps = Number(process.argv[3] ?? 10);
const runs = Number(process.argv[4] ?? 3);
const configs =
  process.argv.slice(5).length > 0
    ? process.argv.slice(5)
    : ['js/2/1/4096', 'float32/2/1/4096', 'int8/2/1/4096'];
const { sidecar, weights } = await randomAdultDenoiser();
const onnx = denoiserToOnnx(weights);
const layout = sidecarLayout(sidecar);
const schedule = scheduleFromSpec(sidecar.schedule);
const runners = [];
for (const c of configs) {
  const [precision, threads, sessions, batch] = c.split('/');
  const batchSize = Number(batch);
  let run: () => AsyncIterable<unknown>;
  let release: () => Promise<void>;
  if (precision === 'js') {
    const d = await OnnxDenoiser.open(onnx, layout, { threads: Number(threads) });
    const js = new JsStepRunner(d, layout);
    run = () => denoiseBatches([js], layout, schedule, { n, steps, eta: 1, batchSize, rng: new Rng(1) });
    release = () => d.release();
  } else {
    const model = await OnnxTabularModel.load(onnx, sidecar, {
      precision: precision as Precision,
      threads: Number(threads),
      sessions: Number(sessions),
    });
    run = () => model.sampleRaw(n, { seed: 1, steps, batchSize });
    release = () => model.release();
  }
  runners.push({ c, run, release, times: [] as number[] });
}
for (let r = 0; r < runs; r++)
  for (const m of runners) {
    const t0 = performance.now();
    for await (const b of m.run()) void b;
    m.times.push((performance.now() - t0) / steps);
  }
const median = (a: number[]): number => [...a].sort((p, q) => p - q)[a.length >> 1]!;
for (const m of runners) {
  console.log(
    `${m.c}: ${median(m.times).toFixed(1)} ms/step (runs ${m.times.map((t) => t.toFixed(0)).join(', ')})`,
  );
  await m.release();
}
