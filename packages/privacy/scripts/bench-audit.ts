/**
 * Whole default audit on Adult: 80/20 split (26,049 train, 6,512 control rows), synthetic rows
 * from (a) a leaky generator (training rows + 1% noise) and (b) a weak generator (each column drawn
 * independently from its marginal). Prints the median wall time of several runs and, for the
 * first run, the time of each attack.
 *
 *   node --conditions=@synthkit/source --import tsx packages/privacy/scripts/bench-audit.ts [runs]
 */
import { type Column, Rng, Table } from '@synthkit/core';
import { ATTACK_NAMES, splitTable } from '../src/index.js';
import { audit } from '../src/node/index.js';
import { leakyCopy } from '../test/adult-fixtures.js';
import { readAdult } from '../test/read-csv.js';

const runs = Number(process.argv[2] ?? 3);
const { table, metadata } = await readAdult();
const { train, control } = splitTable(table, { holdout: 0.2, seed: 0 });
const rng = new Rng(5);
const marginal = new Table(
  train.columns().map(([name, c]): [string, Column] => {
    const pick = Int32Array.from({ length: train.nRows }, () => rng.int(train.nRows));
    return [
      name,
      c.type === 'categorical'
        ? { ...c, codes: Int32Array.from(pick, (i) => c.codes[i]!) }
        : {
            type: 'number',
            values: Float64Array.from(pick, (i) => (c as { values: Float64Array }).values[i]!),
          },
    ];
  }),
);
const secrets = ['income', 'occupation', 'age'];
for (const [label, synthetic] of [
  ['leaky', leakyCopy(train, rng.fork('leaky'))],
  ['marginal', marginal],
] as const) {
  const perAttack: string[] = [];
  for (const name of ATTACK_NAMES) {
    const t0 = performance.now();
    await audit({ train, control, synthetic, metadata, secrets, attacks: [name], seed: 0 });
    perAttack.push(`${name} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const times: number[] = [];
  let summary = '';
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const report = await audit({ train, control, synthetic, metadata, secrets, seed: 0 });
    times.push((performance.now() - t0) / 1000);
    summary = report.attacks.map((a) => `${a.name}=${a.risk.toFixed(3)}`).join(' ');
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label}: whole audit ${train.nRows}/${control.nRows}/${synthetic.nRows} rows, median ${times[times.length >> 1]!.toFixed(1)} s over ${runs} runs (min ${times[0]!.toFixed(1)}, max ${times[times.length - 1]!.toFixed(1)})`,
  );
  console.log(`  per attack: ${perAttack.join(', ')}`);
  console.log(`  ${summary}`);
}
