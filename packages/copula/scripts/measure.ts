/**
 * Speed of the copula on Adult (32,561 rows × 15), medians of 5 runs, wall and CPU time:
 *   npx tsx packages/copula/scripts/measure.ts
 * fit = plugin fit on the view; sample = 1,000,000 rows in memory (view batches of 65,536);
 * conditional = 10,000 rows with sex fixed and age in a range.
 */
import { Rng, type ViewCondition } from '@synthkit/core';
import { fitCopula } from '../src/fit.js';
import type { CopulaModel } from '../src/model.js';
import { ADULT, viewOfCsv } from '../test/adult-view.js';

const RUNS = 5;
const view = viewOfCsv(ADULT);
const noop = () => {};

function time(f: () => void): { wall: number; cpu: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  f();
  const u = process.cpuUsage(c);
  return { wall: performance.now() - t, cpu: (u.user + u.system) / 1000 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function measure(label: string, f: () => void, per?: (ms: number) => string): void {
  f(); // warm-up
  const runs = Array.from({ length: RUNS }, () => time(f));
  const wall = median(runs.map((r) => r.wall));
  const cpu = median(runs.map((r) => r.cpu));
  console.log(
    `${label.padEnd(34)} wall ${wall.toFixed(1).padStart(8)} ms  cpu ${cpu.toFixed(1).padStart(8)} ms${per ? `  ${per(wall)}` : ''}`,
  );
}

let model!: CopulaModel;
measure('fit Adult 32,561 x 15', () => {
  model = fitCopula(view, 'auto', { rng: new Rng(1), progress: noop });
});
const drain = (n: number, conditions: ViewCondition[]) => {
  for (const b of model.sampleSync(n, { rng: new Rng(2), conditions, batchSize: 65536, progress: noop }))
    void b;
};
measure(
  'sample 1,000,000 rows',
  () => drain(1_000_000, []),
  (ms) => `${Math.round(1e9 / ms).toLocaleString('en')} rows/s`,
);
const sex = view.columns.find((c) => c.name === 'sex');
const female = sex?.kind === 'discrete' ? sex.labels.indexOf(' Female') : 0;
measure('conditional 10,000 rows, 2 fixed', () =>
  drain(10_000, [
    { kind: 'equals', column: 'sex', code: female },
    { kind: 'range', column: 'age', min: 30, max: 40 },
  ]),
);
console.log(
  `(load average ${(await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')})`,
);
