import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFixture } from '../../test/fixture-tables.js';
import { evaluate } from '../evaluate.js';
import { renderEvaluationHtml } from './render-evaluation.js';

// Opens the HTML report in Debian's Chromium (installed by .ci/run through apt). A missing browser
// fails this test: it must never be skipped.
const CHROMIUM = '/usr/bin/chromium';

describe('the evaluation report in headless Chromium', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'synthkit-report-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const { real, synthetic, metadata } = await loadFixture('taxis-ctgan');
  const report = await evaluate({
    real,
    synthetic,
    metadata,
    target: 'payment',
    seed: 1,
    metrics: ['quality', 'diagnostic', 'fidelity', 'LinearUtility'],
  });
  const html = renderEvaluationHtml(report, { real, synthetic, metadata });
  const file = join(dir, 'report.html');
  writeFileSync(file, html);

  it('is one self-contained file', () => {
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
    expect(html).toContain('echarts');
  });

  it('renders every chart as SVG and the page is not blank', async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      // offline: any request leaving the file is an error
      await page.route(/^(?!file:)/, (route) => {
        errors.push(`network request ${route.request().url()}`);
        return route.abort();
      });
      await page.goto(pathToFileURL(file).href);
      const charts = await page.locator('div[data-chart]').count();
      expect(charts).toBeGreaterThan(real.nColumns + 3);
      await page.waitForFunction(
        (n) => document.querySelectorAll('div[data-chart][data-rendered] svg').length === n,
        charts,
      );
      const shapes = await page.evaluate(() =>
        [...document.querySelectorAll('div[data-chart] svg')].map(
          (svg) => svg.querySelectorAll('path, rect').length,
        ),
      );
      expect(shapes.every((n) => n > 3)).toBe(true);
      expect(errors).toEqual([]);
      // the screenshot has real content: many distinct colours, and the report's real/synthetic colours
      const png = await page.locator('div[data-chart]').first().screenshot();
      const stats = await page.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const px = ctx.getImageData(0, 0, img.width, img.height).data;
        const colors = new Set<number>();
        let nonWhite = 0;
        for (let i = 0; i < px.length; i += 4) {
          colors.add((px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!);
          if (px[i]! < 240 || px[i + 1]! < 240 || px[i + 2]! < 240) nonWhite++;
        }
        return { colors: colors.size, nonWhiteShare: nonWhite / (px.length / 4) };
      }, png.toString('base64'));
      expect(stats.colors).toBeGreaterThan(20);
      expect(stats.nonWhiteShare).toBeGreaterThan(0.03);
    } finally {
      await browser.close();
    }
  });
});
