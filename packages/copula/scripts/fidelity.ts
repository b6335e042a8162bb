import { detectMetadata, Rng, Synthesizer } from '@synthkit/core';
import { readCsvFile } from '@synthkit/core/node';
import { qualityReport } from '@synthkit/evaluate';
import { gaussianCopula } from '../src/index.js';

const { table } = await readCsvFile(new URL('../../../data/adult.csv', import.meta.url).pathname);
const metadata = detectMetadata(table);
const perm = new Rng(42).permutation(table.nRows);
const nTrain = Math.round(table.nRows * 0.8);
const train = table.take(perm.subarray(0, nTrain));
const holdout = table.take(perm.subarray(nTrain));
const synth = new Synthesizer({ generator: gaussianCopula(), metadata });
let t = performance.now();
await synth.fit(train, { seed: 1 });
console.log('synth fit ms', performance.now() - t);
t = performance.now();
const synthetic = await synth.sample(nTrain, { seed: 2 });
console.log('synth sample ms', performance.now() - t);
for (const [label, real] of [
  ['train', train],
  ['holdout', holdout],
] as const) {
  const q = qualityReport({ real, synthetic, metadata });
  const numeric = q.columnPairTrends.filter((p) => p.metric === 'CorrelationSimilarity');
  const corr = numeric.reduce((s, p) => s + p.score, 0) / numeric.length;
  const shapes = q.columnShapes.reduce((s, p) => s + p.score, 0) / q.columnShapes.length;
  console.log(
    label,
    'shapes',
    shapes.toFixed(4),
    'numeric corr',
    corr.toFixed(4),
    'trends',
    q.properties.columnPairTrends.toFixed(4),
    'overall',
    q.overall.toFixed(4),
  );
  if (label === 'train')
    console.log(q.columnShapes.map((c) => `${c.column}:${c.score.toFixed(3)}`).join(' '));
}
