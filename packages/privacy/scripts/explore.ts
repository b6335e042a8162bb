import { audit } from '../src/node/index.js';
import { adultScenario } from '../test/adult-fixtures.js';

const n = Number(process.argv[2] ?? 2000);
const s = adultScenario(n);
for (const [label, synthetic] of [
  ['leaky', s.leaky],
  ['independent', s.independent],
] as const) {
  const t0 = performance.now();
  const r = await audit({
    train: s.train,
    control: s.control,
    synthetic,
    metadata: s.metadata,
    seed: 1,
    secrets: ['income', 'age'],
  });
  console.log(`== ${label} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  for (const a of r.attacks)
    console.log(
      a.name.padEnd(32),
      a.risk.toFixed(3),
      a.ci.map((x) => x.toFixed(3)).join('..'),
      a.warnings.join(' | '),
    );
  console.log(r.warnings);
  const d = r.attacks[0]!.details as Record<string, unknown>;
  console.log(JSON.stringify(d));
  console.log(
    JSON.stringify(r.attacks[1]!.details as Record<string, unknown>),
    JSON.stringify(r.attacks[2]!.details),
  );
}
