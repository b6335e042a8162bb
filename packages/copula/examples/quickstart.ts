// Run from the repository root: npx tsx packages/copula/examples/quickstart.ts
import { readFileSync } from 'node:fs';
import { gaussianCopula, generateFromSpec } from '@synthkit/copula';
import { detectMetadata, Synthesizer } from '@synthkit/core';
import { readCsvFile } from '@synthkit/core/node';

// 1. Learn a real table and sample from it.
const { table } = await readCsvFile('data/adult.csv');
const synth = new Synthesizer({ generator: gaussianCopula(), metadata: detectMetadata(table) });
await synth.fit(table, { seed: 0 });
const rows = await synth.sample(1000, { seed: 1 });
console.log(rows.nRows, 'rows like', rows.row(0));

// 2. Conditional sampling: every row is a woman aged 30 to 40; the other columns follow the copula.
const women = await synth.sample(500, { seed: 2, conditions: { sex: ' Female', age: { min: 30, max: 40 } } });
console.log(women.row(0));

// 3. A save/load round trip gives the same rows for the same seed.
const again = await Synthesizer.load(synth.save(), { plugins: [gaussianCopula()] });
console.log(
  'same after load:',
  JSON.stringify((await again.sample(5, { seed: 1 })).row(4)) === JSON.stringify(rows.row(4)),
);

// 4. No data at all: a declared spec.
const spec = JSON.parse(readFileSync('packages/copula/examples/spec.json', 'utf8'));
const fake = generateFromSpec(spec, 10_000, { seed: 7 });
console.log(fake.row(0));
