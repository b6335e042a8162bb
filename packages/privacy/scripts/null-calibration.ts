/**
 * Calibration check of the intervals under no leakage: Adult split into train, control and an
 * independent real "synthetic" sample, for several random splits; prints, per attack, how often the
 * 95% interval excludes 0 (should be about 2.5% or less: the intervals are one-sided at 0).
 *
 *   node --conditions=@synthkit/source --import tsx packages/privacy/scripts/null-calibration.ts [splits] [rows] [control rows]
 */
import { audit } from '../src/index.js';
import { adultScenario } from '../test/adult-fixtures.js';

const splits = Number(process.argv[2] ?? 10);
const n = Number(process.argv[3] ?? 1500);
const nControl = Number(process.argv[4] ?? n);
const excluded = new Map<string, number>();
for (let s = 0; s < splits; s++) {
  const sc = adultScenario(n, 100 + s);
  const r = await audit({
    train: sc.train,
    control: sc.control.slice(0, nControl),
    synthetic: sc.independent,
    metadata: sc.metadata,
    secrets: ['income', 'age'],
    seed: s,
  });
  for (const a of r.attacks) excluded.set(a.name, (excluded.get(a.name) ?? 0) + (a.ci[0] > 0 ? 1 : 0));
  console.log(
    `split ${s} (design effect ${((r.attacks[0]!.details as Record<string, number>).shareDesignEffect ?? 1).toFixed(2)}): ${
      r.attacks
        .filter((a) => a.ci[0] > 0)
        .map((a) => `${a.name} ${a.risk.toFixed(3)} [${a.ci.map((x) => x.toFixed(3))}]`)
        .join('; ') || 'all intervals cover 0'
    }`,
  );
}
for (const [name, c] of excluded)
  console.log(`${name.padEnd(32)} interval excludes 0 in ${c}/${splits} splits`);
