// Neural generators (TVAE, CTGAN) on Adult's 80% training split (26,049 rows) through the Synthesizer:
// encoder fit, seconds per epoch on both training engines (onnx: one onnxruntime graph per step;
// tfjs-wasm), rows/s sampled, quality after 30 epochs (SDMetrics quality score by @synthkit/evaluate),
// peak RSS. About four minutes on a quiet machine.
import { detectMetadata, Synthesizer } from '@synthkit/core';
import { readCsvFile } from '@synthkit/core/node';
import { qualityReport } from '@synthkit/evaluate';
import { ctgan } from '@synthkit/gan';
import { TabularEncoder } from '@synthkit/neural';
import { tvae } from '@synthkit/vae';
import { baseline, median, peakRssMb, rowAdder, time, trainingSplit } from '../lib/measure.mjs';

/** The quality targets are after 30 epochs; the per-epoch times are the medians of that run. */
const QUALITY_EPOCHS = 30;
const TFJS_EPOCHS = 3;
const SAMPLE_ROWS = 100_000;

const rows = [];
const base = await baseline();
const push = rowAdder(rows, base);

const { table, formats } = await readCsvFile(new URL('../../data/adult.csv', import.meta.url).pathname);
const metadata = detectMetadata(table, { formats });
const train = trainingSplit(table);

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

// Each generator: 30 epochs on the onnx engine (speed, sampling, quality), then a short tfjs-wasm run
// for the same-process engine comparison.
async function generator(name, plugin, targets) {
  const run = await train_(plugin(), { epochs: QUALITY_EPOCHS, engine: 'onnx' });
  push(
    'adult',
    `${name} s/epoch, onnx engine (median of ${QUALITY_EPOCHS - 1})`,
    run.perEpoch,
    's',
    `≤ ${targets.epoch} s`,
    run.perEpoch <= targets.epoch,
    run.perEpochCpu,
  );
  await sampling(name, run.synth, '≥ 100,000 rows/s');
  const score = await quality(run.synth);
  push(
    'adult',
    `${name} quality score after ${QUALITY_EPOCHS} epochs`,
    score,
    '',
    `≥ ${targets.quality}`,
    score >= targets.quality,
  );
  const tfjs = await train_(plugin(), { epochs: TFJS_EPOCHS, engine: 'tfjs', backend: 'wasm' });
  push(
    'adult',
    `${name} s/epoch, tfjs-wasm engine (median of ${TFJS_EPOCHS - 1}; onnx is ${(tfjs.perEpoch / run.perEpoch).toFixed(1)}× faster)`,
    tfjs.perEpoch,
    's',
    undefined,
    undefined,
    tfjs.perEpochCpu,
  );
}

await generator('tvae', tvae, { epoch: 0.5, quality: 0.8 });
await generator('ctgan', ctgan, { epoch: 2.8, quality: 0.85 });

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
