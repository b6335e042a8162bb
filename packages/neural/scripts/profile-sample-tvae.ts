/**
 * Where TVAE sampling time goes for 4,096 rows (CPU time, so it holds on a loaded machine): latent
 * uniforms, decoder + decoding graph on onnxruntime (Box–Muller noise and category draws in the
 * graph), the span uniforms, and building the view in JS.
 *   npx tsx --conditions=@synthkit/source packages/neural/scripts/profile-sample-tvae.ts
 */
import { Rng } from '@synthkit/core';
import { DecodeGraph, fillUniformOpen, loadOrt, selectBackend } from '@synthkit/neural';
import { adultTvae } from './adult-tvae.js';
import { matmulBaselineMs, median } from './baseline.js';

await selectBackend('wasm');
const { encoder, layout, net, rng } = adultTvae();
const decoder = new DecodeGraph(encoder, layout, { categorical: 'sample', valueNoise: net.sigmas() });
const session = await net.decoderSession((await loadOrt())!, decoder);
const rows = 4096;
const t: Record<string, number[]> = {
  'latent uniforms': [],
  'span uniforms': [],
  'onnx run': [],
  'to view': [],
  baseline: [],
};
const cpu = (key: string, f: () => unknown) => {
  const c = process.cpuUsage();
  const r = f();
  const d = process.cpuUsage(c);
  t[key]!.push((d.user + d.system) / 1000);
  return r;
};
for (let r = 0; r < 15; r++) {
  const u = cpu('latent uniforms', () => fillUniformOpen(rng, new Float32Array(rows * 128))) as Float32Array;
  const feeds = cpu('span uniforms', () => decoder.feeds(rows, rng)) as Record<string, Float32Array>;
  const c = process.cpuUsage();
  const out = await session.run({ u, ...feeds }, rows);
  const d = process.cpuUsage(c);
  t['onnx run']!.push((d.user + d.system) / 1000);
  cpu('to view', () => decoder.toView(out, rows));
  if (r % 5 === 0) t.baseline!.push(matmulBaselineMs(5));
}
for (const [k, v] of Object.entries(t))
  console.log(k, median(v).toFixed(1), 'ms', k === 'baseline' ? '(wall)' : '(cpu)');
