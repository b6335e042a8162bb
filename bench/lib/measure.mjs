// Timing helpers for bench suites: medians over repeated runs, and a fixed CPU workload measured in
// the same process so figures can be read as ratios on a shared, noisy machine.
import { performance } from 'node:perf_hooks';

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Runs fn `runs` times (after `warmup` untimed runs); returns wall-clock { median, min, max } and the
 * median CPU time `cpu` (user + system of this process), in seconds. On a shared machine CPU time
 * is the steadier figure; wall time is what the targets are stated in.
 */
export async function time(fn, { runs = 5, warmup = 1 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const seconds = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    seconds.push((performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
  }
  return {
    median: median(seconds),
    min: Math.min(...seconds),
    max: Math.max(...seconds),
    cpu: median(cpu),
    runs,
  };
}

/**
 * The same-process baseline: sorting 2M doubles. A figure's `ratio` is its median over the
 * baseline's median, which stays comparable when the machine is busy.
 */
export async function baseline() {
  let x = 1;
  const data = new Float64Array(2_000_000);
  for (let i = 0; i < data.length; i++) {
    x = (x * 48271) % 2147483647;
    data[i] = x;
  }
  return time(() => data.slice().sort(), { runs: 5, warmup: 1 });
}

export function peakRssMb() {
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * A suite's result-row adder: `add(dataset, measure, value, unit, target?, ok?, cpu?)`; seconds also
 * get their ratio to the same-process baseline.
 */
export function rowAdder(rows, base) {
  return (dataset, measure, value, unit, target, ok, cpu) =>
    rows.push({
      dataset,
      measure,
      value,
      cpu,
      unit,
      ratio: unit === 's' ? value / base.median : undefined,
      target,
      ok,
    });
}

/** The bench's fixed 80% training split of a table (Park–Miller shuffle from seed 42, as every suite uses). */
export function trainingSplit(table, share = 0.8) {
  const order = [...Array(table.nRows).keys()];
  let x = 42;
  for (let i = order.length - 1; i > 0; i--) {
    x = (x * 48271) % 2147483647;
    const j = x % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return table.take(order.slice(0, Math.round(table.nRows * share)));
}
