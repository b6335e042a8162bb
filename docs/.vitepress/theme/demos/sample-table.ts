/**
 * The live demos' data: the studio's bundled 5,000-row Adult sample (apps/demo/public/samples),
 * fetched as a separate chunk only when a demo runs, parsed with core's reader in the page.
 */
import type { CsvReadResult } from '@synthkit/core';

let adult: Promise<CsvReadResult> | undefined;

export function loadAdultSample(): Promise<CsvReadResult> {
  adult ??= Promise.all([
    import('@synthkit/core'),
    import('../../../../apps/demo/public/samples/adult.csv?raw'),
  ]).then(([core, csv]) => core.parseCsv(csv.default));
  return adult;
}

/** Lets the browser paint (the demos run on the page's thread; each stage is short). */
export const nextFrame = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

export const seconds = (t0: number): string => `${((performance.now() - t0) / 1000).toFixed(2)} s`;
