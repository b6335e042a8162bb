/**
 * Live demo: audit two generators trained on the same rows. One memorises (replays training rows),
 * the other is the Gaussian copula. The attacks compare training rows with held-out control rows.
 */

import { gaussianCopula } from '@synthkit/copula';
import { detectMetadata, Synthesizer } from '@synthkit/core';
import { audit, splitTable } from '@synthkit/privacy';
import { replayTrainingRows } from './leaky-generator';
import type { PrivacyResult, PrivacyRow } from './protocol';
import { loadAdultSample, seconds } from './sample-table';

const pct = (v: number | null): string =>
  v === null || Number.isNaN(v) ? 'n/a' : `${(v * 100).toFixed(1)}%`;

export async function privacyDemo(status: (text: string) => void): Promise<PrivacyResult> {
  const t0 = performance.now();
  const sample = await loadAdultSample();
  const metadata = detectMetadata(sample.table, { formats: sample.formats });
  // Split first: the generator sees train only; control is the never-seen reference.
  const { train, control } = splitTable(sample.table, { holdout: 0.3, seed: 0 });
  const rows: PrivacyRow[] = [];
  for (const [label, generator] of [
    ['replays training rows', replayTrainingRows()],
    ['Gaussian copula', gaussianCopula()],
  ] as const) {
    status(`Training and auditing "${label}"…`);
    const synth = new Synthesizer({ generator, metadata });
    await synth.fit(train, { seed: 1 });
    const synthetic = await synth.sample(train.nRows, { seed: 2 });
    const report = await audit({
      train,
      control,
      synthetic,
      metadata,
      secrets: ['income'],
      attacks: ['dcr', 'membership-distance', 'attribute-inference'],
      attacksPerTest: 300,
      seed: 0,
    });
    for (const a of report.attacks)
      rows.push({
        generator: label,
        attack: a.name,
        risk: pct(a.risk),
        ci: `${pct(a.ci[0])} – ${pct(a.ci[1])}`,
        verdict: a.verdict,
      });
  }
  return { status: `Done in ${seconds(t0)}.`, rows };
}
