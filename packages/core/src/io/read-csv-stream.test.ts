import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { readCsvBatches } from './read-csv.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** ~30 MB of CSV made on the fly, in 64 KB pieces: the input itself never exists whole. */
async function* bigCsv(rows: number): AsyncGenerator<string> {
  yield 'id,value,label,day\n';
  let piece = '';
  for (let i = 0; i < rows; i++) {
    piece += `${i},${i % 97}.5,cat${i % 13},2020-01-0${1 + (i % 9)}\n`;
    if (piece.length > 65_536) {
      yield piece;
      piece = '';
    }
  }
  yield piece;
}

it('streams a large CSV in batches with bounded memory', async () => {
  const rows = 1_000_000;
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = 0;
  let seen = 0;
  let batches = 0;
  let sum = 0;
  for await (const b of readCsvBatches(bigCsv(rows), { batchSize: 20_000 })) {
    seen += b.table.nRows;
    const v = b.table.column('value');
    if (v.type === 'number') for (const x of v.values) sum += x;
    expect(b.table.column('day').type).toBe('datetime');
    if (++batches % 10 === 0) {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed - base);
    }
  }
  expect(seen).toBe(rows);
  let expected = 0;
  for (let i = 0; i < rows; i++) expected += (i % 97) + 0.5;
  expect(sum).toBeCloseTo(expected, 0);
  // The text alone is ~30 MB and its cells as strings several times that: holding either would show.
  expect(peak).toBeLessThan(24 * 1024 * 1024);
});
