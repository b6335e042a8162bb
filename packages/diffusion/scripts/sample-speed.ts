import { Rng } from '@synthkit/core';
import { OnnxTabularModel } from '../src/byo/onnx-tabular-model.js';
import {
  type DenoiserArchitecture,
  denoiserParamSpecs,
  weightsFromFlat,
} from '../src/denoiser/architecture.js';
import { denoiserToOnnx } from '../src/denoiser/onnx-denoiser.js';
import { fitSidecar } from '../src/encoder/fit-sidecar.js';
import { sidecarLayout } from '../src/encoder/sidecar.js';
import { loadAdultView } from '../test/adult-view.js';

// Sampling speed alone (it does not depend on the weights): random weights of the Adult-shaped
// denoiser, n rows × steps through OnnxTabularModel. Usage: sample-speed.ts [rows] [steps] [hidden]
const n = Number(process.argv[2] ?? 26049);
const steps = Number(process.argv[3] ?? 20);
const hidden = (process.argv[4] ?? '256,256,256,256').split(',').map(Number);
const view = await loadAdultView();
const sidecar = fitSidecar(view, { kind: 'cosine', T: 1000 });
const layout = sidecarLayout(sidecar);
const arch: DenoiserArchitecture = {
  width: layout.width,
  timeDim: 128,
  hidden: [256, 256, 256, 256],
  activation: 'relu',
};
let size = 0;
for (const s of denoiserParamSpecs(arch)) size += s.shape.reduce((a, b) => a * b, 1);
const rng = new Rng(1);
const flat = Float32Array.from({ length: size }, () => (rng.next() - 0.5) * 0.1);
const onnx = denoiserToOnnx(weightsFromFlat(arch, flat));
const model = await OnnxTabularModel.load(onnx, sidecar);
const t0 = performance.now();
let rows = 0;
for await (const t of model.sample(n, { seed: 1, steps })) rows += t.nRows;
const s = (performance.now() - t0) / 1000;
console.log(
  `${rows} rows x ${steps} steps, hidden ${hidden.join(',')}: ${s.toFixed(2)} s, ${((s * 1000) / steps).toFixed(1)} ms/step`,
);
