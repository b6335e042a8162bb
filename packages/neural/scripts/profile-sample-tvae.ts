/**
 * Where TVAE sampling time goes for 4,096 rows (CPU time, steadier than wall time on a loaded
 * machine): latent normals, decoder + decoding graph on onnxruntime (category draws in the graph),
 * the decoder's uniforms and value noise, and building the view in JS.
 *   npx tsx --conditions=@synthkit/source packages/neural/scripts/profile-sample-tvae.ts
 */
import { DecodeGraph, fillNormalQuantized, loadOrt, selectBackend } from '@synthkit/neural';
import { adultTvae } from './adult-tvae.js';
import { matmulBaselineMs, median } from './baseline.js';

await selectBackend('wasm');
const { encoder, layout, net, rng } = adultTvae();
const decoder = new DecodeGraph(encoder, layout, { categorical: 'sample', valueNoise: net.sigmas() });
const session = await net.decoderSession((await loadOrt())!, decoder);
const rows = 4096;
const t: Record<string, number[]> = {
  'latent normals': [],
  'decode inputs': [],
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
  const u = cpu('latent normals', () =>
    fillNormalQuantized(rng, new Float32Array(rows * 128)),
  ) as Float32Array;
  const feeds = cpu('decode inputs', () => decoder.feeds(rows, rng)) as Record<string, Float32Array>;
  const c = process.cpuUsage();
  const out = await session.run({ z: u, ...feeds }, rows);
  const d = process.cpuUsage(c);
  t['onnx run']!.push((d.user + d.system) / 1000);
  cpu('to view', () => decoder.toView(out, rows));
  if (r % 5 === 0) t.baseline!.push(matmulBaselineMs(5));
}
for (const [k, v] of Object.entries(t))
  console.log(k, median(v).toFixed(1), 'ms', k === 'baseline' ? '(wall)' : '(cpu)');
