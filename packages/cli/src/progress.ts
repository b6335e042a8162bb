import type { ProgressEvent } from '@synthkit/core';

/**
 * A one-line progress bar on stderr. Drawn only on a TTY and never with --quiet, so pipes and
 * CI logs stay clean; `done()` clears the line.
 */
export interface ProgressSink {
  (event: ProgressEvent): void;
  done(): void;
}

export function progressBar(options: { quiet: boolean; stream?: NodeJS.WriteStream }): ProgressSink {
  const stream = options.stream ?? process.stderr;
  const enabled = !options.quiet && stream.isTTY === true;
  const started = new Map<string, number>();
  let lastDraw = 0;
  let drawn = false;

  const sink = ((e: ProgressEvent) => {
    if (!enabled) return;
    const now = Date.now();
    if (!started.has(e.stage)) started.set(e.stage, now);
    const finished = e.total !== undefined && e.done >= e.total;
    if (!finished && now - lastDraw < 80) return;
    lastDraw = now;
    stream.write(`\r${renderLine(e, now - started.get(e.stage)!, stream.columns ?? 100)}\x1b[K`);
    drawn = true;
  }) as ProgressSink;
  sink.done = () => {
    if (drawn) stream.write('\r\x1b[K');
    drawn = false;
  };
  return sink;
}

export function renderLine(e: ProgressEvent, elapsedMs: number, width: number): string {
  const metrics = e.metrics
    ? ` ${Object.entries(e.metrics)
        .map(([k, v]) => `${k}=${formatNumber(v)}`)
        .join(' ')}`
    : '';
  const message = e.message ? ` ${e.message}` : '';
  if (e.total === undefined || e.total <= 0)
    return `${e.stage} ${e.done}${message}${metrics}`.slice(0, width - 1);
  const fraction = Math.min(1, e.done / e.total);
  const eta =
    fraction > 0 && fraction < 1 ? ` ETA ${formatDuration((elapsedMs * (1 - fraction)) / fraction)}` : '';
  const barWidth = 24;
  const filled = Math.round(fraction * barWidth);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}`;
  return `${e.stage.padEnd(8)} ${bar} ${String(Math.round(fraction * 100)).padStart(3)}% ${e.done}/${e.total}${eta}${message}${metrics}`.slice(
    0,
    width - 1,
  );
}

function formatNumber(v: number): string {
  return Math.abs(v) >= 100 || Number.isInteger(v) ? String(Math.round(v)) : v.toPrecision(3);
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
}
