/**
 * Where a training step's time goes, by tfjs kernel (tf.profile), for CTGAN and TVAE at Adult's
 * encoded width. Shares are meaningful on a loaded machine even when absolute times are not.
 *   npx tsx --conditions=@synthkit/source packages/neural/scripts/profile-step.ts
 */
import { Rng } from '@synthkit/core';
import { ConditionalSampler, NetworkLayout, selectBackend, TabularEncoder, tf } from '@synthkit/neural';
import { CtganNetwork } from '../../gan/src/ctgan-network.js';
import { TvaeNetwork } from '../../vae/src/tvae-network.js';
import { csvView } from '../test/csv-view.js';
import { matmulBaselineMs } from './baseline.js';

await selectBackend((process.argv[2] as 'wasm') ?? 'wasm');
const view = csvView('adult', 26049);
const encoder = TabularEncoder.fit(view);
const layout = new NetworkLayout(encoder);
const data = layout.gather(
  encoder.transform(view, new Rng(1)),
  Int32Array.from({ length: view.nRows }, (_, i) => i),
);
console.log('encoded width', encoder.dim, 'network width', layout.dim);

async function report(name: string, step: () => void): Promise<void> {
  step();
  const base = matmulBaselineMs();
  const t = performance.now();
  for (let i = 0; i < 5; i++) step();
  const ms = (performance.now() - t) / 5;
  const prof = await tf.profile(step);
  const agg = new Map<string, number>();
  for (const k of prof.kernels) agg.set(k.name, (agg.get(k.name) ?? 0) + (k.kernelTimeMs as number));
  const total = [...agg.values()].reduce((a, b) => a + b, 0);
  console.log(
    `${name}: ${ms.toFixed(1)} ms/step = ${(ms / base).toFixed(1)} × baseline matmul (${base.toFixed(2)} ms); ${prof.kernels.length} kernels`,
  );
  console.log(
    [...agg]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([k, v]) => `  ${k} ${((100 * v) / total).toFixed(0)}%`)
      .join('\n'),
  );
}

const sampler = ConditionalSampler.fromView(view);
const rng = new Rng(2);
const condTargets = new Int32Array(sampler.dim);
for (const c of sampler.columns) {
  const enc = encoder.columns[c.view]!;
  for (let k = 0; k < c.size; k++)
    condTargets[c.offset + k] = layout.fromEncoded[enc.offset + k]! - layout.tanhCount;
}
const gan = new CtganNetwork(
  { embeddingDim: 128, generatorDim: [256, 256], discriminatorDim: [256, 256], pac: 10, tau: 0.2 },
  layout,
  sampler.dim,
  condTargets,
  rng,
  {
    lrG: 2e-4,
    lrD: 2e-4,
    decayG: 1e-6,
    decayD: 1e-6,
  },
);
await report('ctgan', () => {
  gan.step(data, view.nRows, sampler, 500, 1, 10, rng);
});
const vae = new TvaeNetwork(
  { embeddingDim: 128, compressDims: [128, 128], decompressDims: [128, 128], lossFactor: 2 },
  layout,
  rng,
  {
    learningRate: 1e-3,
    weightDecay: 1e-5,
  },
);
const batch = data.subarray(0, 500 * layout.dim);
await report('tvae', () => {
  vae.step(batch, 500, rng);
});
