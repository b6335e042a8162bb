/**
 * The studio's in-browser targets as medians of several runs in one headless Chromium page:
 * copula fit + sample of Adult (32,561 rows) in the worker, click-to-results, the longest
 * main-thread task during generation, and the gzipped copula path. Each run is paired with a
 * same-process baseline (sorting 2M doubles in the page) so figures from a loaded machine compare.
 * Writes apps/demo/results/browser.json in bench/results' suite format (the docs' benchmark page
 * shows it).
 *
 *   npx tsx apps/demo/scripts/measure-browser.ts [runs=5]
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { copulaPathSize } from '../test/bundle-size.js';
import { buildDemo, launchChromium, removeDir, serveStatic } from '../test/harness.js';
import { chartsRendered, dropFile, generate, lastRunFigures, openStudio } from '../test/studio-page.js';

const runs = Math.max(1, Number(process.argv[2] ?? 5));
const ADULT = fileURLToPath(new URL('../../../data/adult.csv', import.meta.url));
const OUT = new URL('../results/', import.meta.url);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const outDir = await buildDemo();
const server = await serveStatic(outDir);
const browser = await launchChromium();
try {
  const { page, errors } = await openStudio(browser, server.url);
  await dropFile(page, ADULT);
  await page.getByTestId('metadata-table').waitFor({ timeout: 60_000 });
  await page.getByTestId('privacy').uncheck();
  await page.getByTestId('rows').fill('32561');

  const baseline: number[] = [];
  const figures: Awaited<ReturnType<typeof lastRunFigures>>[] = [];
  for (let i = 0; i < runs; i++) {
    baseline.push(
      await page.evaluate(() => {
        // 2M doubles from a fixed LCG (no Math.random: the same numbers every run), sorted.
        const a = new Float64Array(2_000_000);
        let x = 12345;
        for (let j = 0; j < a.length; j++) {
          x = (Math.imul(x, 1103515245) + 12345) >>> 0;
          a[j] = x / 4294967296;
        }
        const t0 = performance.now();
        a.sort();
        return (performance.now() - t0) / 1000;
      }),
    );
    await generate(page);
    await chartsRendered(page);
    figures.push(await lastRunFigures(page));
    process.stdout.write(
      `run ${i + 1}/${runs}: fit+sample ${figures.at(-1)!.fitSample.toFixed(2)} s, baseline ${baseline.at(-1)!.toFixed(3)} s\n`,
    );
  }
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);

  const base = median(baseline);
  const fit = median(figures.map((f) => f.fitSample));
  const click = median(figures.map((f) => f.clickToResults));
  const longest = Math.max(...figures.map((f) => f.longestDuring));
  const size = copulaPathSize(outDir).gzip / 1024;
  const suite = {
    suite: 'browser',
    description: `The studio (apps/demo) in headless Chromium, Adult 32,561 rows, copula, in the worker (medians of ${runs} runs in one page; load average ${loadavg()[0]!.toFixed(1)} at the start of the run); the baseline sorts 2M doubles in the page.`,
    baseline: { median: base, min: Math.min(...baseline), max: Math.max(...baseline), runs },
    rows: [
      {
        dataset: 'adult',
        measure: 'fit + sample 32,561 rows in the browser',
        value: fit,
        unit: 's',
        ratio: fit / base,
        target: '≤ 3 s',
        ok: fit <= 3,
      },
      {
        dataset: 'adult',
        measure: 'click to results (fit, sample, quality report)',
        value: click,
        unit: 's',
        ratio: click / base,
      },
      {
        dataset: 'adult',
        measure: 'longest main-thread task during generation (max of runs)',
        value: longest,
        unit: 'ms',
        target: '≤ 100 ms',
        ok: longest <= 100,
      },
      {
        dataset: 'all',
        measure: 'copula path (page + worker), gzipped',
        value: size,
        unit: 'kB',
        target: '≤ 500 kB',
        ok: size <= 500,
      },
    ],
    machine: { node: process.version, cpus: cpus().length, date: new Date().toISOString() },
  };
  mkdirSync(OUT, { recursive: true });
  const file = fileURLToPath(new URL('browser.json', OUT));
  writeFileSync(`${file}.tmp`, `${JSON.stringify(suite, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  console.table(
    suite.rows.map((r) => ({
      measure: r.measure,
      median: Number(r.value.toPrecision(3)),
      unit: r.unit,
      ratio: r.ratio?.toFixed(2) ?? '',
      ok: r.ok ?? '',
    })),
  );
  console.log(`baseline ${base.toFixed(3)} s; written ${file}`);
} finally {
  await browser.close();
  await server.close();
  removeDir(outDir);
}
