import { Rng } from '@synthkit/core';
import { OnnxTabularModel } from '../src/byo/onnx-tabular-model.js';
import { denoiserToOnnx } from '../src/denoiser/onnx-denoiser.js';
import { OnnxDenoiser } from '../src/onnx/onnx-denoiser-session.js';
import { randomAdultDenoiser } from '../test/random-denoiser.js';

// Sampling speed alone (it does not depend on the weights): the Adult-shaped denoiser with random
// weights. Per thread count and batch size: the ONNX call alone over n rows (median of `calls`),
// then the whole loop (model + posterior steps in JS) for n rows × steps.
// Usage: sample-speed.ts [rows] [steps] [threads,…] [batch,…] [hidden] [calls]
const n = Number(process.argv[2] ?? 26049);
const steps = Number(process.argv[3] ?? 10);
const threadList = (process.argv[4] ?? '1,2').split(',').map(Number);
const batchList = (process.argv[5] ?? '4096').split(',').map(Number);
const hidden = (process.argv[6] ?? '256,256,256,256').split(',').map(Number);
const calls = Number(process.argv[7] ?? 5);
const { sidecar, layout, weights } = await randomAdultDenoiser(hidden);
const onnx = denoiserToOnnx(weights);
const rng = new Rng(2);
const x = Float32Array.from({ length: n * layout.width }, () => rng.normal());
const median = (a: number[]): number => a.sort((p, q) => p - q)[a.length >> 1]!;
for (const threads of threadList) {
  const d = await OnnxDenoiser.open(onnx, layout, { threads });
  const model = await OnnxTabularModel.load(onnx, sidecar, { threads });
  for (const batch of batchList) {
    const times: number[] = [];
    for (let c = 0; c < calls; c++) {
      const t0 = performance.now();
      for (let s = 0; s < n; s += batch) {
        const rows = Math.min(batch, n - s);
        await d.run(x.subarray(s * layout.width, (s + rows) * layout.width), rows, 500 + c);
      }
      times.push(performance.now() - t0);
    }
    const t0 = performance.now();
    for await (const t of model.sample(n, { seed: 1, steps, batchSize: batch })) void t;
    const loop = (performance.now() - t0) / steps;
    console.log(
      `hidden ${hidden.join(',')}, ${threads} thread(s), batch ${batch}: network ${median(times).toFixed(1)} ms per ${n} rows; whole step ${loop.toFixed(1)} ms (${steps} steps)`,
    );
  }
  await d.release();
  await model.release();
}
