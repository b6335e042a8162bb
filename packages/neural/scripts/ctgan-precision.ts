/**
 * CTGAN sampling precision on a trained Adult model: the same saved model sampled with int8 and with
 * float32 dense layers (same seed), SDMetrics quality score of each, and rows/s of each (alternating).
 *   npx tsx --conditions=@synthkit/source packages/neural/scripts/ctgan-precision.ts [epochs]
 */
import { readFileSync } from 'node:fs';
import { detectMetadata, parseCsv, Rng, Synthesizer } from '@synthkit/core';
import { qualityReport } from '@synthkit/evaluate';
import { ctgan, plugins } from '@synthkit/gan';
import type { CtganModel } from '../../gan/src/ctgan-model.js';
import { median } from './baseline.js';

const epochs = Number(process.argv[2] ?? 30);
const { table, formats } = await parseCsv(readFileSync(new URL('../../../data/adult.csv', import.meta.url)));
const metadata = detectMetadata(table, { formats });
const train = table.take(
  new Rng(0).permutation(table.nRows).subarray(0, table.nRows - Math.floor(table.nRows * 0.2)),
);
const trained = new Synthesizer({ generator: ctgan({ epochs }), metadata, options: { epochs } });
await trained.fit(train, { seed: 1 });
const bytes = trained.save();
const load = async (precision: 'int8' | 'float32') => {
  const synth = await Synthesizer.load(bytes, { plugins: plugins() });
  // The sampling precision is not part of the trained state; set it before the first sample.
  (synth.fittedModel as CtganModel).precision = precision;
  return synth;
};
const variants = { int8: await load('int8'), float32: await load('float32') };
const times: Record<string, number[]> = { int8: [], float32: [] };
for (const s of Object.values(variants)) await s.sample(10_000, { seed: 9 });
for (let r = 0; r < 6; r++) {
  const name = r % 2 ? 'float32' : 'int8';
  const t = performance.now();
  await variants[name].sample(100_000, { seed: 2 });
  times[name]!.push((performance.now() - t) / 1000);
}
for (const [name, synth] of Object.entries(variants)) {
  const synthetic = await synth.sample(train.nRows, { seed: 3 });
  const q = qualityReport({ real: train, synthetic, metadata });
  console.log(
    JSON.stringify({
      precision: name,
      epochs,
      quality: +q.overall.toFixed(4),
      rowsPerSecond: Math.round(100_000 / median(times[name]!)),
      loadAverage: (await import('node:os')).loadavg().map((x) => +x.toFixed(1)),
    }),
  );
}
