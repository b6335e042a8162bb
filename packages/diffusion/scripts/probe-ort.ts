import * as ort from 'onnxruntime-node';
import { denoiserToOnnx } from '../src/denoiser/onnx-denoiser.js';
import type { DenoiserWeights, Dense } from '../src/denoiser/weights.js';

function dense(i: number, o: number): Dense {
  const k = new Float32Array(i * o).map(() => (Math.random() - 0.5) * 0.1);
  return { inDim: i, outDim: o, kernel: k, bias: new Float32Array(o) };
}
const D = Number(process.argv[2] ?? 110);
const hiddenW = (process.argv[3] ?? '256,256,256,256').split(',').map(Number);
const N = Number(process.argv[4] ?? 26049);
const threads = Number(process.argv[5] ?? 1);
const hidden: Dense[] = [];
let prev = 128;
for (const h of hiddenW) {
  hidden.push(dense(prev, h));
  prev = h;
}
const w: DenoiserWeights = {
  timeDim: 128,
  activation: 'relu',
  timeMlp1: dense(128, 128),
  timeMlp2: dense(128, 128),
  proj: dense(D, 128),
  hidden,
  head: dense(prev, D),
};
const bytes = denoiserToOnnx(w);
const s = await ort.InferenceSession.create(bytes, {
  intraOpNumThreads: threads,
  interOpNumThreads: 1,
  graphOptimizationLevel: 'all',
});
console.log(
  s.inputNames,
  s.outputNames,
  JSON.stringify((s as unknown as { inputMetadata: unknown }).inputMetadata),
);
const x = new ort.Tensor('float32', new Float32Array(N * D), [N, D]);
const t = new ort.Tensor('int64', new BigInt64Array(N).fill(5n), [N]);
for (let r = 0; r < 8; r++) {
  const t0 = performance.now();
  await s.run({ x_t: x, t });
  console.log(`${(performance.now() - t0).toFixed(1)} ms`);
}
