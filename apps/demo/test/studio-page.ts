/**
 * Driving the studio page in Chromium: open it (recording page errors, long tasks and any request
 * that would leave 127.0.0.1), drop files, generate, and read the timing of a run. Shared by the
 * browser test and the measurement script (scripts/measure-browser.ts).
 */
import type { Browser, Page } from 'playwright-core';
import { watchPage } from './harness.js';

export interface StudioPage {
  readonly page: Page;
  /** Uncaught page errors and refused requests to anything but 127.0.0.1. */
  readonly errors: string[];
}

export async function openStudio(browser: Browser, url: string): Promise<StudioPage> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const errors = await watchPage(page);
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  return { page, errors };
}

export async function dropFile(page: Page, path: string): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(path);
}

export async function loadError(page: Page): Promise<string> {
  await page.getByTestId('load-error').waitFor({ state: 'visible', timeout: 30_000 });
  return (await page.getByTestId('load-error').textContent()) ?? '';
}

export async function generate(page: Page, timeout = 60_000): Promise<void> {
  await page.getByTestId('generate').click();
  await page.waitForFunction(
    () => document.body.dataset.state === 'generated' || !document.getElementById('generate-error')!.hidden,
    undefined,
    { timeout },
  );
  const error = page.getByTestId('generate-error');
  if (await error.isVisible()) throw new Error(`generation failed: ${await error.textContent()}`);
}

export async function chartsRendered(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const charts = document.querySelectorAll('#report .chart');
      return charts.length > 0 && [...charts].every((c) => c.getAttribute('data-rendered') === '1');
    },
    undefined,
    { timeout: 30_000 },
  );
}

export interface RunFigures {
  /** Fit + sample in the worker, as the worker timed it (s). */
  readonly fitSample: number;
  /** From the click on Generate to the results reaching the page (s): adds evaluation and messaging. */
  readonly clickToResults: number;
  readonly longTasksDuring: number;
  /** Longest main-thread task between the click and the results (ms; 0 when there was none). */
  readonly longestDuring: number;
  readonly longTasksAfter: number;
  /** Longest main-thread task while the report's charts were drawn (ms). */
  readonly longestAfter: number;
}

/** Figures of the latest generation (call after `generate` and `chartsRendered`). */
export async function lastRunFigures(page: Page): Promise<RunFigures> {
  const fitSample = Number(await page.getByTestId('fit-sample-seconds').textContent());
  // The page marks the click (synthkit:generate) and the arrival of the results (synthkit:generated).
  const { start, end, tasks } = await page.evaluate(() => ({
    start: performance.getEntriesByName('synthkit:generate').at(-1)!.startTime,
    end: performance.getEntriesByName('synthkit:generated').at(-1)!.startTime,
    tasks: (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks,
  }));
  const during = tasks.filter((t) => t.start >= start && t.start < end);
  const after = tasks.filter((t) => t.start >= end);
  const longest = (ts: { duration: number }[]) => Math.max(0, ...ts.map((t) => t.duration));
  return {
    fitSample,
    clickToResults: (end - start) / 1000,
    longTasksDuring: during.length,
    longestDuring: longest(during),
    longTasksAfter: after.length,
    longestAfter: longest(after),
  };
}
