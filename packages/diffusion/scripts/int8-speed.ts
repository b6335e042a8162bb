import { Rng } from '@synthkit/core';
import { denoiserToOnnx } from '../src/denoiser/onnx-denoiser.js';
import { OnnxDenoiser } from '../src/onnx/onnx-denoiser-session.js';
import { quantizeDenseLayers } from '../src/onnx/quantize-int8.js';
import { randomAdultDenoiser } from '../test/random-denoiser.js';

// The network call alone, float32 against int8 (DynamicQuantizeMatMul), alternating in one process.
// Usage: int8-speed.ts [rows] [threads] [batch] [calls]
const n = Number(process.argv[2] ?? 26049);
const threads = Number(process.argv[3] ?? 1);
const batch = Number(process.argv[4] ?? 4096);
const calls = Number(process.argv[5] ?? 5);
const { layout, weights } = await randomAdultDenoiser();
const f32 = denoiserToOnnx(weights);
const i8 = quantizeDenseLayers(f32, 'x_t');
const rng = new Rng(2);
const x = Float32Array.from({ length: n * layout.width }, () => rng.normal());
const models = {
  float32: await OnnxDenoiser.open(f32, layout, { threads }),
  int8: await OnnxDenoiser.open(i8, layout, { threads }),
};
const times: Record<string, number[]> = { float32: [], int8: [] };
let maxDiff = 0;
for (let c = 0; c < calls; c++)
  for (const [name, d] of Object.entries(models)) {
    const t0 = performance.now();
    for (let s = 0; s < n; s += batch) {
      const rows = Math.min(batch, n - s);
      await d.run(x.subarray(s * layout.width, (s + rows) * layout.width), rows, 500 + c);
    }
    times[name]!.push(performance.now() - t0);
  }
const a = await models.float32.run(x.subarray(0, 1000 * layout.width), 1000, 300);
const b = await models.int8.run(x.subarray(0, 1000 * layout.width), 1000, 300);
let scale = 0;
for (let i = 0; i < a.length; i++) {
  maxDiff = Math.max(maxDiff, Math.abs(a[i]! - b[i]!));
  scale = Math.max(scale, Math.abs(a[i]!));
}
const median = (v: number[]) => [...v].sort((p, q) => p - q)[v.length >> 1]!;
console.log(
  `${n} rows, ${threads} thread(s), batch ${batch}: float32 ${median(times.float32!).toFixed(1)} ms, int8 ${median(times.int8!).toFixed(1)} ms (${(median(times.float32!) / median(times.int8!)).toFixed(2)}×); max |diff| ${maxDiff.toExponential(2)} of max |out| ${scale.toFixed(3)}`,
);
