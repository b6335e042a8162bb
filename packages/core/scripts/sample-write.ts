/**
 * Copula sampling and CSV writing through the Synthesizer, for profiling and quick timing outside the
 * bench (the bench in bench/suites/copula.mjs is the figure of record):
 *   node --conditions=@synthkit/source --import tsx packages/core/scripts/sample-write.ts [dataset] [mode] [runs]
 * mode: sample (1M rows in memory), write (1M rows to a temp CSV), hash (sha256 of the 1M-row CSV,
 * to check that a change keeps the output byte for byte), values (sha256 of the sampled columns'
 * typed arrays and categories: the same check before formatting), or format (formatCsv of a sample).
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gaussianCopula } from '@synthkit/copula';
import { detectMetadata, formatCsv, Synthesizer } from '@synthkit/core';
import { readCsvFile, writeCsvFile } from '@synthkit/core/node';

const [name = 'adult', mode = 'sample', runsArg = '5'] = process.argv.slice(2);
const runs = Number(runsArg);
const { table, formats } = await readCsvFile(new URL(`../../../data/${name}.csv`, import.meta.url).pathname);
const metadata = detectMetadata(table, { formats });
const synth = new Synthesizer({ generator: gaussianCopula(), metadata });
await synth.fit(table, { seed: 0 });
const n = 1_000_000;
const out = join(tmpdir(), `synthkit-sample-write-${process.pid}.csv`);
const sampled = mode === 'format' ? await synth.sample(n, { seed: 1 }) : undefined;

const once = async (): Promise<void> => {
  if (mode === 'sample') await synth.sample(n, { seed: 1 });
  else if (mode === 'format') formatCsv(sampled!, metadata);
  else await writeCsvFile(out, synth.sampleBatches(n, { seed: 1 }), metadata);
};

if (mode === 'values') {
  const t = await synth.sample(n, { seed: 1 });
  const h = createHash('sha256');
  for (const [, c] of t.columns()) {
    const a = c.type === 'categorical' ? c.codes : c.values;
    h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    if (c.type === 'categorical') h.update(JSON.stringify(c.categories));
  }
  console.log(`${name} values sha256 ${h.digest('hex')}`);
} else if (mode === 'hash') {
  await once();
  const bytes = readFileSync(out);
  console.log(`${name} ${bytes.length} bytes sha256 ${createHash('sha256').update(bytes).digest('hex')}`);
} else {
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const wall: number[] = [];
  const cpu: number[] = [];
  await once();
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await once();
    wall.push((performance.now() - t) / 1000);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1e6);
  }
  console.log(
    `${name} ${mode}: wall ${median(wall).toFixed(3)} s, cpu ${median(cpu).toFixed(3)} s (median of ${runs}), peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
}
rmSync(out, { force: true });
