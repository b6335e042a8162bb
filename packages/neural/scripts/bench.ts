/**
 * Benchmark of the neural generators on a bundled dataset, end to end through the Synthesizer:
 * encoder fit time, seconds per epoch, rows/s sampled, peak RSS and (optionally) the SDMetrics
 * quality score from @synthkit/evaluate. The machine is shared, so every timing is also given as a
 * ratio to a 500×256·256×256 matMul measured in the same process, interleaved with the run.
 *
 *   npx tsx --conditions=@synthkit/source packages/neural/scripts/bench.ts adult ctgan 3
 *   npx tsx --conditions=@synthkit/source packages/neural/scripts/bench.ts adult tvae 30 --quality
 */
import { readFileSync } from 'node:fs';
import { detectMetadata, parseCsv, Rng, Synthesizer, type Table } from '@synthkit/core';
import { qualityReport } from '@synthkit/evaluate';
import { ctgan } from '@synthkit/gan';
import { selectBackend, TabularEncoder } from '@synthkit/neural';
import { tvae } from '@synthkit/vae';
import { csvView } from '../test/csv-view.js';
import { matmulBaselineMs, median } from './baseline.js';

const [dataset = 'adult', generator = 'ctgan', epochsArg = '3', ...flags] = process.argv.slice(2);
const epochs = Number(epochsArg);
const backend = flags.find((f) => f.startsWith('--backend='))?.slice(10) ?? 'wasm';
const wantQuality = flags.includes('--quality');
const sampleRows = 100_000;

const info = await selectBackend(backend as 'wasm');
const { table: full, formats } = await parseCsv(
  readFileSync(new URL(`../../../data/${dataset}.csv`, import.meta.url)),
);
const metadata = detectMetadata(full, { formats });
// 80/20 split as the reference runs use it (Adult: 26,049 training rows).
const order = new Rng(0).permutation(full.nRows);
const nTrain = full.nRows - Math.floor(full.nRows * 0.2);
const train: Table = full.take(order.subarray(0, nTrain));

const baselines: number[] = [matmulBaselineMs()];

// Encoder fit on the training rows (the view as the Synthesizer would build it is close enough here:
// the same continuous and discrete columns; Adult has no missing values).
const encoderTimes: number[] = [];
const view = csvView(dataset as 'adult');
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  TabularEncoder.fit(view);
  encoderTimes.push((performance.now() - t) / 1000);
}

const plugin = generator === 'tvae' ? tvae({ epochs, backend }) : ctgan({ epochs, backend });
const synth = new Synthesizer({ generator: plugin, metadata, options: { epochs, backend } });
const perEpoch: number[] = [];
const perEpochCpu: number[] = [];
const t0 = performance.now();
let last = t0;
let lastCpu = process.cpuUsage();
await synth.fit(train, {
  seed: 1,
  onProgress: (e) => {
    if (e.stage !== 'epoch' || !e.metrics) return;
    perEpoch.push((performance.now() - last) / 1000);
    const c = process.cpuUsage(lastCpu);
    perEpochCpu.push((c.user + c.system) / 1e6);
    baselines.push(matmulBaselineMs(10));
    last = performance.now();
    lastCpu = process.cpuUsage();
    const m = Object.entries(e.metrics)
      .filter(([k]) => !['secondsPerEpoch', 'etaSeconds'].includes(k))
      .map(([k, v]) => `${k} ${v.toFixed(3)}`)
      .join(', ');
    process.stderr.write(`epoch ${e.done}/${e.total}: ${m}\n`);
  },
});
const fitSeconds = (performance.now() - t0) / 1000;

const t1 = performance.now();
const sampled = await synth.sample(sampleRows, { seed: 2 });
const sampleSeconds = (performance.now() - t1) / 1000;
baselines.push(matmulBaselineMs());

let quality: number | undefined;
if (wantQuality) {
  const synthetic = await synth.sample(train.nRows, { seed: 3 });
  quality = qualityReport({ real: train, synthetic, metadata }).overall;
}

const base = median(baselines);
// The first epoch also holds the view, encoder fit and encoding: leave it out when there are more.
const secPerEpoch = median(perEpoch.length > 1 ? perEpoch.slice(1) : perEpoch);
console.log(
  JSON.stringify({
    dataset,
    generator,
    backend: info.description,
    trainRows: train.nRows,
    epochs,
    encoderFitSeconds: +median(encoderTimes).toFixed(3),
    secondsPerEpoch: +secPerEpoch.toFixed(3),
    secondsPerEpochCpu: +median(perEpochCpu.length > 1 ? perEpochCpu.slice(1) : perEpochCpu).toFixed(3),
    perEpoch: perEpoch.map((s) => +s.toFixed(2)),
    perEpochCpu: perEpochCpu.map((s) => +s.toFixed(2)),
    fitSeconds: +fitSeconds.toFixed(1),
    baselineMatmulMs: +base.toFixed(2),
    epochOverBaseline: +((secPerEpoch * 1000) / base).toFixed(0),
    sampleRowsPerSecond: Math.round(sampled.nRows / sampleSeconds),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    quality: quality === undefined ? null : +quality.toFixed(4),
    loadAverage: (await import('node:os')).loadavg().map((x) => +x.toFixed(1)),
  }),
);
