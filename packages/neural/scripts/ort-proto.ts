import { Rng } from '@synthkit/core';
import { selectBackend } from '@synthkit/neural';
import * as ort from 'onnxruntime-node';
import { GraphBuilder, ONNX_FLOAT } from '../../diffusion/src/onnx/graph-builder.js';
import { matmulBaselineMs } from './baseline.js';

await selectBackend('wasm');
const rng = new Rng(1);
const rand = (n: number) => Float32Array.from({ length: n }, () => rng.normal() * 0.05);
const In = 232,
  H = 256,
  Out = 180,
  chunk = 500;
const g = new GraphBuilder();
const x = g.input('x', ONNX_FLOAT, ['K', chunk, In]);
let cur = x;
let width = In;
for (let i = 0; i < 2; i++) {
  const w = g.floatTensor(`w${i}`, rand(width * H), [width, H]);
  const b = g.floatTensor(`b${i}`, rand(H), [H]);
  const h = g.op('Add', [g.op('MatMul', [cur, w]), b]);
  const mean = g.op('ReduceMean', [h], { axes: [1], keepdims: 1 });
  const c = g.op('Sub', [h, mean]);
  const v = g.op('ReduceMean', [g.op('Mul', [c, c])], { axes: [1], keepdims: 1 });
  const eps = g.floatTensor(`eps${i}`, Float32Array.of(1e-5), []);
  const inv = g.op('Reciprocal', [g.op('Sqrt', [g.op('Add', [v, eps])])]);
  const gamma = g.floatTensor(`g${i}`, rand(H), [H]);
  const beta = g.floatTensor(`be${i}`, rand(H), [H]);
  const y = g.op('Relu', [g.op('Add', [g.op('Mul', [g.op('Mul', [c, inv]), gamma]), beta])]);
  cur = g.op('Concat', [y, cur], { axis: 2 });
  width += H;
}
const wo = g.floatTensor('wo', rand(width * Out), [width, Out]);
const bo = g.floatTensor('bo', rand(Out), [Out]);
g.op('Add', [g.op('MatMul', [cur, wo]), bo], {}, 'y');
g.output('y', ONNX_FLOAT, ['K', chunk, Out]);
const bytes = g.build('g', 'proto');
const session = await ort.InferenceSession.create(bytes, {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
});
for (const K of [1, 4, 20]) {
  const input = rand(K * chunk * In);
  const times: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    const out = await session.run({ x: new ort.Tensor('float32', input, [K, chunk, In]) });
    void out.y!.data;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `K=${K} rows=${K * chunk}: ${times[2]!.toFixed(1)} ms → ${Math.round((K * chunk) / (times[2]! / 1000))} rows/s; baseline ${matmulBaselineMs(10).toFixed(2)} ms`,
  );
}
const { createGenerator, generatorForward } = await import('../../gan/src/generator.js');
const { tf } = await import('@synthkit/neural');
const G = createGenerator(In, [H, H], Out, rng);
const xt = tf.tensor2d(rand(chunk * In), [chunk, In]);
const input1 = rand(chunk * In);
for (let r = 0; r < 3; r++) {
  let t = performance.now();
  for (let i = 0; i < 5; i++) {
    const o = tf.tidy(() => generatorForward(G, 2, xt));
    o.dataSync();
    o.dispose();
  }
  const tfjsMs = (performance.now() - t) / 5;
  t = performance.now();
  for (let i = 0; i < 5; i++) {
    const out = await session.run({ x: new ort.Tensor('float32', input1, [1, chunk, In]) });
    void out.y!.data;
  }
  const ortMs = (performance.now() - t) / 5;
  console.log(`500 rows: tfjs-wasm ${tfjsMs.toFixed(1)} ms, ort ${ortMs.toFixed(1)} ms`);
}
