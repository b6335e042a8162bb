/** Live demo: fit a Gaussian copula on the Adult sample, sample from it, score the result. */

import { gaussianCopula } from '@synthkit/copula';
import { detectMetadata, formatCsv, Synthesizer } from '@synthkit/core';
import { qualityReport } from '@synthkit/evaluate';
import type { CopulaResult } from './protocol';
import { loadAdultSample, seconds } from './sample-table';

export async function copulaDemo(
  rows: number,
  seed: number,
  status: (text: string) => void,
): Promise<CopulaResult> {
  status('Loading the Adult sample (5,000 rows)…');
  const sample = await loadAdultSample();
  const metadata = detectMetadata(sample.table, { formats: sample.formats });
  status('Fitting…');
  let t0 = performance.now();
  const synth = new Synthesizer({ generator: gaussianCopula(), metadata });
  await synth.fit(sample.table, { seed });
  const fit = seconds(t0);
  t0 = performance.now();
  const synthetic = await synth.sample(rows, { seed: seed + 1 });
  const sampled = seconds(t0);
  status('Scoring…');
  const quality = qualityReport({ real: sample.table, synthetic, metadata });
  const lines = formatCsv(synthetic.slice(0, 5), metadata).trimEnd().split('\n');
  return {
    status: `Fitted in ${fit}, sampled ${synthetic.nRows.toLocaleString('en-US')} rows in ${sampled}.`,
    overall: quality.overall,
    shapes: quality.columnShapes.map((c) => ({ column: c.column, score: c.score })),
    header: lines[0]!.split(','),
    preview: lines.slice(1).map((l) => l.split(',')),
  };
}
