/**
 * Build-time data for the benchmarks page: every suite's JSON in bench/results (written by
 * `npm run bench`) and the studio's in-browser figures (apps/demo/results, written by
 * apps/demo/scripts/measure-browser.ts), read when the docs are built, so the page always shows
 * the committed figures.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { defineLoader } from 'vitepress';

export interface BenchRow {
  dataset: string;
  measure: string;
  value: number;
  /** The same figure computed from the process's CPU time. */
  cpu?: number;
  unit: string;
  ratio?: number;
  target?: string;
  ok?: boolean;
}

export interface BenchSuite {
  file: string;
  suite: string;
  description: string;
  baseline?: { median: number };
  machine?: { node?: string; cpus?: number; date?: string };
  rows: BenchRow[];
}

declare const data: BenchSuite[];

export { data };

// The glob is relative to this file (docs/.vitepress/theme/demos).
export default defineLoader({
  watch: ['../../../../bench/results/*.json', '../../../../apps/demo/results/*.json'],
  load(files: string[]): BenchSuite[] {
    // The bench suites first, then the studio's browser figures; each group by name.
    const group = (f: string) => (f.includes('/apps/demo/') ? 1 : 0);
    return files
      .sort((a, b) => group(a) - group(b) || a.localeCompare(b))
      .map((file) => ({
        file: basename(file),
        ...(JSON.parse(readFileSync(file, 'utf8')) as Omit<BenchSuite, 'file'>),
      }));
  },
});
