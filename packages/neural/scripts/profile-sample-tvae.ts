/**
 * Where TVAE sampling time goes for 4,096 rows: uniforms, decoder (onnxruntime, Box–Muller noise in
 * the graph), decoding.
 *   npx tsx --conditions=@synthkit/source packages/neural/scripts/profile-sample-tvae.ts
 */
import { Rng } from '@synthkit/core';
import { fillUniformOpen, loadOrt, NetworkLayout, selectBackend, TabularEncoder } from '@synthkit/neural';
import { TvaeNetwork } from '../../vae/src/tvae-network.js';
import { csvView } from '../test/csv-view.js';
import { matmulBaselineMs, median } from './baseline.js';

await selectBackend('wasm');
const view = csvView('adult', 26049);
const encoder = TabularEncoder.fit(view);
const layout = new NetworkLayout(encoder);
const rng = new Rng(1);
const net = new TvaeNetwork(
  { embeddingDim: 128, compressDims: [128, 128], decompressDims: [128, 128], lossFactor: 2 },
  layout,
  rng,
  {
    learningRate: 1e-3,
    weightDecay: 0,
  },
);
const session = await net.decoderSession((await loadOrt())!);
const rows = 4096;
const t: Record<string, number[]> = { noise: [], decoder: [], inverse: [], baseline: [] };
for (let r = 0; r < 7; r++) {
  let s = performance.now();
  const u = fillUniformOpen(rng, new Float32Array(rows * 128));
  t.noise!.push(performance.now() - s);
  s = performance.now();
  const raw = await session.run({ u }, rows);
  t.decoder!.push(performance.now() - s);
  s = performance.now();
  encoder.inverse(raw, rows, { categorical: 'sample', rng, valueNoise: net.sigmas(), layout });
  t.inverse!.push(performance.now() - s);
  t.baseline!.push(matmulBaselineMs(5));
}
for (const [k, v] of Object.entries(t)) console.log(k, median(v).toFixed(1), 'ms');
