import { OnnxTabularModel, type Precision } from '../src/byo/onnx-tabular-model.js';
import { denoiserToOnnx } from '../src/denoiser/onnx-denoiser.js';
import { randomAdultDenoiser } from '../test/random-denoiser.js';

// Sampling speed alone (it does not depend on the weights): the Adult-shaped denoiser with random
// weights, n rows × steps through the whole loop (step graph: network + posterior in onnxruntime,
// noise from the Rng), for each configuration "precision/threads/sessions/batch", alternating the
// configurations `runs` times in this one process; medians in ms per step.
// Usage: sample-speed.ts [rows] [steps] [runs] [config …]   e.g. float32/2/1/4096 int8/1/2/4096
const n = Number(process.argv[2] ?? 26049);
const steps = Number(process.argv[3] ?? 10);
const runs = Number(process.argv[4] ?? 3);
const configs =
  process.argv.slice(5).length > 0 ? process.argv.slice(5) : ['float32/2/1/4096', 'int8/2/1/4096'];
const { sidecar, weights } = await randomAdultDenoiser();
const onnx = denoiserToOnnx(weights);
const models = [];
for (const c of configs) {
  const [precision, threads, sessions, batch] = c.split('/');
  const model = await OnnxTabularModel.load(onnx, sidecar, {
    precision: precision as Precision,
    threads: Number(threads),
    sessions: Number(sessions),
  });
  models.push({ c, model, batch: Number(batch), times: [] as number[] });
}
for (let r = 0; r < runs; r++)
  for (const m of models) {
    const t0 = performance.now();
    for await (const b of m.model.sampleRaw(n, { seed: 1, steps, batchSize: m.batch })) void b;
    m.times.push((performance.now() - t0) / steps);
  }
const median = (a: number[]): number => [...a].sort((p, q) => p - q)[a.length >> 1]!;
for (const m of models) {
  console.log(
    `${m.c}: ${median(m.times).toFixed(1)} ms/step (runs ${m.times.map((t) => t.toFixed(0)).join(', ')})`,
  );
  await m.model.release();
}
