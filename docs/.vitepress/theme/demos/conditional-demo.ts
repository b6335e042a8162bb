/**
 * Live demo: conditional sampling. Every returned row meets the conditions; the rest of each row
 * follows the conditional distribution the copula learned, compared here with the real rows.
 */

import { gaussianCopula } from '@synthkit/copula';
import { detectMetadata, Synthesizer, type Table } from '@synthkit/core';
import type { ConditionalResult } from './protocol';
import { loadAdultSample, seconds } from './sample-table';

const column = (t: Table, name: string): string[] =>
  Array.from({ length: t.nRows }, (_, i) => String(t.row(i)[name]).trim());
const share = (values: readonly string[], keep: (v: string) => boolean): number =>
  values.filter(keep).length / Math.max(1, values.length);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export async function conditionalDemo(
  sex: string,
  minAge: number,
  maxAge: number,
  status: (text: string) => void,
): Promise<ConditionalResult> {
  status('Fitting a Gaussian copula on the Adult sample…');
  const sample = await loadAdultSample();
  const metadata = detectMetadata(sample.table, { formats: sample.formats });
  const synth = new Synthesizer({ generator: gaussianCopula(), metadata });
  await synth.fit(sample.table, { seed: 0 });
  const t0 = performance.now();
  const out = await synth.sample(1000, { seed: 1, conditions: { sex, age: { min: minAge, max: maxAge } } });
  const took = seconds(t0);
  const inAgeRange = (v: string) => Number(v) >= minAge && Number(v) <= maxAge;
  const realAges = column(sample.table, 'age');
  const realSex = column(sample.table, 'sex');
  const realIncome = column(sample.table, 'income').filter(
    (_, i) => realSex[i] === sex && inAgeRange(realAges[i]!),
  );
  return {
    status: `Sampled ${out.nRows.toLocaleString('en-US')} rows meeting the conditions in ${took}.`,
    checks: [
      { label: `rows with sex = ${sex}`, value: pct(share(column(out, 'sex'), (v) => v === sex)) },
      { label: `rows with ${minAge} ≤ age ≤ ${maxAge}`, value: pct(share(column(out, 'age'), inAgeRange)) },
      {
        label: 'income >50K among them: synthetic vs real',
        value: `${pct(share(column(out, 'income'), (v) => v === '>50K'))} vs ${pct(share(realIncome, (v) => v === '>50K'))} (${realIncome.length} real rows)`,
      },
    ],
  };
}
