import { performance } from 'node:perf_hooks';

/** Wall-clock time of a whole command and of its stages (read, fit, sample, write…), for manifests. */
export class Stopwatch {
  readonly startedAt = new Date();
  private readonly t0 = performance.now();
  private readonly ms: Record<string, number> = {};

  /** Runs `fn` and adds its duration to `stage`. */
  async time<T>(stage: string, fn: () => Promise<T>): Promise<T> {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      this.add(stage, performance.now() - t);
    }
  }

  add(stage: string, ms: number): void {
    this.ms[stage] = (this.ms[stage] ?? 0) + ms;
  }

  /** Seconds since the start, rounded to the millisecond. */
  seconds(): number {
    return toSeconds(performance.now() - this.t0);
  }

  /** Seconds per stage, rounded to the millisecond. */
  stages(): Record<string, number> {
    return Object.fromEntries(Object.entries(this.ms).map(([k, v]) => [k, toSeconds(v)]));
  }
}

const toSeconds = (ms: number) => Math.round(ms) / 1000;
