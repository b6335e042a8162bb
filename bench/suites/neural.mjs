// Neural generators (TVAE, CTGAN) on Adult's 80% training split (26,049 rows) through the Synthesizer:
// encoder fit, seconds per epoch (TVAE on both training engines), rows/s sampled, quality after a few
// epochs (SDMetrics quality score by @synthkit/evaluate), peak RSS. A few minutes in all; the full
// 30-epoch quality runs are packages/neural/scripts/bench.ts.
import { detectMetadata, Rng, Synthesizer } from '@synthkit/core';
import { readCsvFile } from '@synthkit/core/node';
import { qualityReport } from '@synthkit/evaluate';
import { ctgan } from '@synthkit/gan';
import { TabularEncoder } from '@synthkit/neural';
import { tvae } from '@synthkit/vae';
import { baseline, median, peakRssMb, rowAdder, time } from '../lib/measure.mjs';

const TVAE_EPOCHS = 6;
const TVAE_QUALITY_EPOCHS = 10;
const CTGAN_EPOCHS = 2;
const SAMPLE_ROWS = 100_000;

const rows = [];
const base = await baseline();
const push = rowAdder(rows, base);

const { table, formats } = await readCsvFile(new URL('../../data/adult.csv', import.meta.url).pathname);
const metadata = detectMetadata(table, { formats });
const nTrain = table.nRows - Math.floor(table.nRows * 0.2);
const train = table.take(new Rng(0).permutation(table.nRows).subarray(0, nTrain));

// Encoder fit on the view the generators get (the Synthesizer's preparation, captured once).
let view;
const capture = {
  kind: 'generator',
  name: 'capture',
  version: '0',
  description: 'captures the view',
  options: {},
  supports: { conditions: 'none' },
  fit: (v) => {
    view = v;
    throw new Error('captured');
  },
  load: () => {
    throw new Error('unused');
  },
};
await new Synthesizer({ generator: capture, metadata }).fit(train, { seed: 0 }).catch(() => {});
const encoderFit = await time(() => TabularEncoder.fit(view), { runs: 3 });
push(
  'adult',
  'encoder fit (Bayesian GMM per continuous column)',
  encoderFit.median,
  's',
  '≤ 2 s',
  encoderFit.median <= 2,
  encoderFit.cpu,
);

/** Trains through the Synthesizer; returns it and the seconds of each epoch after the first. */
async function train_(plugin, options) {
  const synth = new Synthesizer({ generator: plugin, metadata, options });
  const epochs = [];
  const cpus = [];
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  await synth.fit(train, {
    seed: 1,
    onProgress: (e) => {
      if (e.stage !== 'epoch') return;
      const c = process.cpuUsage(lastCpu);
      epochs.push((performance.now() - last) / 1000);
      cpus.push((c.user + c.system) / 1e6);
      last = performance.now();
      lastCpu = process.cpuUsage();
    },
  });
  // The first epoch also holds the view, encoder fit and graph building.
  const rest = (xs) => (xs.length > 1 ? xs.slice(1) : xs);
  return { synth, perEpoch: median(rest(epochs)), perEpochCpu: median(rest(cpus)) };
}

async function sampling(name, synth, target) {
  await synth.sample(10_000, { seed: 9 }); // builds the onnxruntime session
  const t = await time(() => synth.sample(SAMPLE_ROWS, { seed: 2 }), { runs: 3, warmup: 0 });
  const rate = SAMPLE_ROWS / t.median;
  push(
    'adult',
    `${name} rows/s sampled (${SAMPLE_ROWS.toLocaleString('en-US')} rows)`,
    rate,
    'rows/s',
    target,
    rate >= 1e5,
    SAMPLE_ROWS / t.cpu,
  );
}

function quality(synth) {
  return synth
    .sample(train.nRows, { seed: 3 })
    .then((s) => qualityReport({ real: train, synthetic: s, metadata }).overall);
}

// TVAE on the onnx engine: speed over a few epochs, then quality after TVAE_QUALITY_EPOCHS.
const tv = await train_(tvae(), { epochs: TVAE_EPOCHS, engine: 'onnx' });
push(
  'adult',
  `tvae s/epoch, onnx engine (median of ${TVAE_EPOCHS - 1})`,
  tv.perEpoch,
  's',
  '≤ 0.5 s',
  tv.perEpoch <= 0.5,
  tv.perEpochCpu,
);
await sampling('tvae', tv.synth, '≥ 100,000 rows/s');
const tfjs = await train_(tvae(), { epochs: 3, engine: 'tfjs', backend: 'wasm' });
push(
  'adult',
  'tvae s/epoch, tfjs-wasm engine (median of 2)',
  tfjs.perEpoch,
  's',
  undefined,
  undefined,
  tfjs.perEpochCpu,
);
const tq = await train_(tvae(), { epochs: TVAE_QUALITY_EPOCHS, engine: 'onnx' });
const tvaeQuality = await quality(tq.synth);
push(
  'adult',
  `tvae quality score after ${TVAE_QUALITY_EPOCHS} epochs`,
  tvaeQuality,
  '',
  '≥ 0.80 (at 30 epochs)',
  tvaeQuality >= 0.8,
);

// CTGAN trains on tfjs-wasm: a couple of epochs for speed, sampling and an early quality figure.
const ct = await train_(ctgan(), { epochs: CTGAN_EPOCHS, backend: 'wasm' });
push(
  'adult',
  `ctgan s/epoch, tfjs-wasm (${CTGAN_EPOCHS} epochs)`,
  ct.perEpoch,
  's',
  '≤ 2.8 s',
  ct.perEpoch <= 2.8,
  ct.perEpochCpu,
);
await sampling('ctgan', ct.synth, '≥ 100,000 rows/s');
const ctganQuality = await quality(ct.synth);
push(
  'adult',
  `ctgan quality score after ${CTGAN_EPOCHS} epochs`,
  ctganQuality,
  '',
  '≥ 0.85 (at 30 epochs)',
  ctganQuality >= 0.85,
);

push('adult', 'peak RSS of this suite', peakRssMb(), 'MB', undefined, undefined);
const { loadavg } = await import('node:os');
console.log(
  JSON.stringify({
    suite: 'neural',
    description: `TVAE and CTGAN on Adult (26,049 training rows) through the Synthesizer; per-epoch figures are medians leaving out the first epoch. Load average at the end: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(', ')}.`,
    baseline: base,
    rows,
  }),
);
