/**
 * CSV speed and memory, outside the test suite: `npx tsx packages/core/src/io/csv-io.bench.ts [MB]`.
 * Prints medians of 5 runs for reading and writing the bundled files, then streams a generated CSV of
 * MB megabytes (default 2048) through readCsvBatches and reports throughput and peak RSS.
 */
import { readFileSync } from 'node:fs';
import { detectMetadata } from '../metadata/detect.js';
import { parseCsv, readCsvBatches } from './read-csv.js';
import { formatCsv } from './write-csv.js';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(f: () => unknown | Promise<unknown>, runs = 5): Promise<number> {
  await f(); // warm-up
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

for (const name of ['adult', 'taxis', 'housing']) {
  const bytes = readFileSync(new URL(`../../../../data/${name}.csv`, import.meta.url));
  const read = await parseCsv(bytes);
  const meta = detectMetadata(read.table, { formats: read.formats });
  const r = await time(() => parseCsv(bytes));
  const d = await time(() => detectMetadata(read.table, { formats: read.formats }));
  const w = await time(() => formatCsv(read.table, meta, { dialect: read.dialect }));
  console.log(
    `${name}: read ${r.toFixed(0)} ms, detect ${d.toFixed(1)} ms, write ${w.toFixed(0)} ms (median of 5; ${(bytes.length / 1e6).toFixed(1)} MB)`,
  );
}

const mb = Number(process.argv[2] ?? 2048);
async function* generated(bytes: number): AsyncGenerator<string> {
  yield 'id,value,label,day,flag\n';
  let total = 0;
  let i = 0;
  while (total < bytes) {
    let piece = '';
    while (piece.length < 1 << 20) {
      piece += `${i},${(i % 997) / 8},"cat ${i % 31}",2020-01-${String(1 + (i % 28)).padStart(2, '0')} 10:00:00,${i % 2 ? 'yes' : 'no'}\n`;
      i++;
    }
    total += piece.length;
    yield piece;
  }
}
let peak = 0;
let rows = 0;
const t = performance.now();
for await (const b of readCsvBatches(generated(mb * 1e6))) {
  rows += b.table.nRows;
  peak = Math.max(peak, process.memoryUsage().rss);
}
const s = (performance.now() - t) / 1000;
console.log(
  `stream ${mb} MB: ${rows} rows in ${s.toFixed(1)} s (${(mb / s).toFixed(0)} MB/s), peak RSS ${(peak / 1e6).toFixed(0)} MB`,
);
