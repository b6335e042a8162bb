/**
 * The live demos' data: the studio's bundled 5,000-row Adult sample (apps/demo/public/samples),
 * a separate chunk of the demos' worker fetched on the first run, parsed with core's reader.
 */
import { type CsvReadResult, parseCsv } from '@synthkit/core';

let adult: Promise<CsvReadResult> | undefined;

export function loadAdultSample(): Promise<CsvReadResult> {
  adult ??= import('../../../../apps/demo/public/samples/adult.csv?raw').then((csv) => parseCsv(csv.default));
  return adult;
}

export const seconds = (t0: number): string => `${((performance.now() - t0) / 1000).toFixed(2)} s`;
