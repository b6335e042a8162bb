/**
 * The documentation site, built for real (TypeDoc, VitePress, the studio) into a temp folder:
 * every internal link and anchor resolves, each promised page exists, the benchmark page carries
 * bench/results, and the live demos run in Chromium (served on 127.0.0.1, nothing fetched from
 * elsewhere) and show their results.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asProduction,
  launchChromium,
  removeDir,
  serveStatic,
  watchPage,
} from '../../apps/demo/test/harness.js';
import { buildDocs } from '../scripts/build.mjs';
import { checkInternalLinks } from './internal-links.js';

// The benchmark page's sources: the bench suites and the studio's in-browser figures.
const RESULTS = [
  new URL('../../bench/results/', import.meta.url),
  new URL('../../apps/demo/results/', import.meta.url),
];

interface Suite {
  suite: string;
  rows: { measure: string }[];
}

/** The result files as they are when the build starts (a bench run may rewrite them meanwhile). */
function readSuites(): Suite[] {
  return RESULTS.flatMap((dir) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Suite)
      : [],
  );
}

let site = '';
let suites: Suite[] = [];
let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'synthkit-docs-'));
  suites = readSuites();
  const t0 = performance.now();
  await asProduction(() => buildDocs({ outDir: site }));
  console.log(`docs site built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) removeDir(site);
});

const page = (path: string) => readFileSync(join(site, path), 'utf8');
const text = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(
      /&(amp|lt|gt|quot|#39);/g,
      (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!,
    )
    .replace(/\s+/g, ' ');

describe('docs build', () => {
  it('has no broken internal link or anchor', () => {
    // studio/ is the bundled app (its own tests); assets/ holds scripts, not pages.
    const { pages, links, broken } = checkInternalLinks(site, ['studio', 'assets']);
    console.log(`${pages} pages, ${links} internal links checked`);
    expect(pages).toBeGreaterThan(25);
    expect(links).toBeGreaterThan(1000);
    expect(broken).toEqual([]);
  });

  it('has every page the issue asks for, the API reference and the studio', () => {
    for (const path of [
      'guide/getting-started.html',
      'guide/concepts.html',
      'guide/plugins.html',
      'guide/live-demos.html',
      'generators/index.html',
      'generators/copula.html',
      'generators/ctgan.html',
      'generators/tvae.html',
      'generators/diffusion.html',
      'generators/cart.html',
      'evaluation/metrics.html',
      'privacy/attacks.html',
      'packages/cli.html',
      'benchmarks.html',
      'studio/index.html',
    ])
      expect(() => page(path), path).not.toThrow();
    const start = text(page('guide/getting-started.html'));
    expect(start).toContain('npm ci && npm start');
    expect(start).toContain('npm test');
    const concepts = text(page('guide/concepts.html'));
    for (const h of ['Metadata', 'Transforms', 'Constraints', 'Conditions', 'Seeds'])
      expect(concepts).toContain(h);
    // TypeDoc: one page per package with the public API.
    const api = text(page('api/core.html'));
    for (const name of ['Synthesizer', 'parseCsv', 'detectMetadata', 'SynthkitError'])
      expect(api).toContain(name);
    expect(text(page('api/copula.html'))).toContain('gaussianCopula');
    expect(text(page('api/privacy.html'))).toContain('audit');
    // The CLI reference is the CLI's README.
    expect(text(page('packages/cli.html'))).toMatch(/synthkit generate/);
  });

  it('builds the benchmark page from bench/results/*.json and apps/demo/results/*.json', () => {
    const html = page('benchmarks.html');
    expect(suites.length).toBeGreaterThan(0);
    for (const suite of suites) {
      const section = new RegExp(`<section[^>]*data-suite="${suite.suite}"[^>]*>([\\s\\S]*?)</section>`).exec(
        html,
      );
      expect(section, suite.suite).not.toBeNull();
      expect((section![1]!.match(/<tr/g) ?? []).length - 1).toBe(suite.rows.length);
      // HTML collapses runs of white space, so compare the measure the same way
      for (const r of suite.rows) expect(text(section![1]!)).toContain(r.measure.replace(/\s+/g, ' ').trim());
    }
  });
});

describe('live demos in Chromium', () => {
  let live: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    server = await serveStatic(site);
    browser = await launchChromium();
    live = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The demos run on the page's own data and code: nothing may leave 127.0.0.1.
    errors = await watchPage(live);
    await live.goto(`${server.url}guide/live-demos.html`);
    // Buttons only work once Vue has hydrated the server-rendered page.
    await live.waitForFunction(
      () => (document.getElementById('app') as { __vue_app__?: unknown } | null)?.__vue_app__,
    );
  }, 60_000);

  async function run(demo: string, done: RegExp): Promise<string> {
    const root = live.locator(`[data-demo="${demo}"]`);
    await root.getByTestId('run').click();
    await live.waitForFunction(
      ([d, re]) => {
        const el = document.querySelector(`[data-demo="${d}"]`)!;
        return (
          new RegExp(re!).test(el.querySelector('[data-testid=status]')!.textContent ?? '') ||
          el.querySelector('[data-testid=error]') !== null
        );
      },
      [demo, done.source],
      { timeout: 60_000 },
    );
    const error = root.getByTestId('error');
    if (await error.count()) throw new Error(`${demo} demo failed: ${await error.textContent()}`);
    return (await root.getByTestId('status').textContent()) ?? '';
  }

  it('fits a copula on the Adult sample and shows the quality score and rows', async () => {
    const status = await run('copula', /sampled/);
    expect(status).toMatch(/Fitted in [\d.]+ s, sampled 1,000 rows/);
    const root = live.locator('[data-demo="copula"]');
    const quality = Number(/([\d.]+)%/.exec((await root.getByTestId('result').textContent()) ?? '')?.[1]);
    expect(quality).toBeGreaterThan(80);
    expect(await root.locator('.bar-row').count()).toBe(15);
    expect(await root.locator('tbody tr').count()).toBe(5);
    expect(await root.locator('thead th').allTextContents()).toContain('income');
  });

  it('samples rows that all meet the conditions', async () => {
    const status = await run('conditional', /Sampled/);
    expect(status).toMatch(/Sampled 1,000 rows meeting the conditions/);
    const cells = await live.locator('[data-demo="conditional"] [data-testid=result] td').allTextContents();
    expect(cells[1]).toBe('100.0%');
    expect(cells[3]).toBe('100.0%');
  });

  it('catches the replaying generator and clears the copula in the privacy audit', async () => {
    await run('privacy', /Done/);
    const rows = live.locator('[data-demo="privacy"] [data-testid=result] tbody tr');
    const read = async (generator: string) =>
      (await rows
        .filter({ has: live.locator(`td:text-is("${generator}")`) })
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
        )) as string[][];
    const leaky = await read('replays training rows');
    const copula = await read('Gaussian copula');
    expect(leaky.map((r) => r[1])).toEqual(['dcr', 'membership-distance', 'attribute-inference:income']);
    expect(copula).toHaveLength(3);
    // Every attack flags the memorising generator; none flags the copula as high risk.
    for (const r of leaky) expect(r[4]).toMatch(/^High risk/);
    for (const r of copula) expect(r[4]).not.toMatch(/^High risk/);
    const dcr = (rs: string[][]) => Number.parseFloat(rs.find((r) => r[1] === 'dcr')![2]!);
    expect(dcr(leaky)).toBeGreaterThan(90);
    expect(dcr(copula)).toBeLessThan(20);
    // The work ran in the demos' worker, not on the page's thread.
    expect(server!.requests.some((p) => /^\/assets\/demos\.worker-[\w-]+\.js$/.test(p))).toBe(true);
    expect(errors).toEqual([]);
  });
});
