import {
  type Metadata,
  type MetricPlugin,
  type MetricResult,
  type ProgressEvent,
  Rng,
  SynthkitError,
  type Table,
} from '@synthkit/core';
import { builtinMetrics, QUALITY_METRICS } from './metrics/builtin.js';
import { prepared } from './prepare/prepared.js';
import { type QualityReport, qualityFromPrepared } from './quality/quality-report.js';
import { weakScoreFindings } from './report/findings.js';

export interface EvaluateInput {
  readonly real: Table;
  readonly synthetic: Table;
  readonly metadata: Metadata;
  /** Column predicted by the utility metrics (TSTR vs TRTR); utility is skipped without it. */
  readonly target?: string;
  /**
   * Metric names or families to run ('quality', 'diagnostic', 'fidelity', 'detection', 'utility');
   * default: all. 'quality' is the SDMetrics quality report.
   */
  readonly metrics?: readonly string[];
  /** Seed for every random draw (CV folds, subsamples); same seed, same report. */
  readonly seed?: number;
  /** Extra metric plugins (third-party), run after the built-in ones. */
  readonly plugins?: readonly MetricPlugin[];
  readonly progress?: (event: ProgressEvent) => void;
  readonly signal?: AbortSignal;
}

export interface EvaluationReport {
  readonly version: 1;
  readonly seed: number;
  readonly rows: { readonly real: number; readonly synthetic: number };
  readonly target?: string;
  /** SDMetrics 0.18 QualityReport (absent when not selected). */
  readonly quality?: QualityReport;
  /** Every metric that ran, by family; NaN scores carry a `reason`. */
  readonly diagnostic: readonly MetricResult[];
  readonly fidelity: readonly MetricResult[];
  readonly detection: readonly MetricResult[];
  readonly utility: readonly MetricResult[];
  /** Things a reader must know: unseen categories, incomputable metrics and why, weak scores in plain words. */
  readonly warnings: readonly string[];
  /** Milliseconds per metric. */
  readonly timings: Readonly<Record<string, number>>;
}

const FAMILIES = ['quality', 'diagnostic', 'fidelity', 'detection', 'utility'] as const;

function selected(
  names: readonly string[] | undefined,
  plugins: readonly MetricPlugin[],
): { quality: boolean; plugins: MetricPlugin[] } {
  if (!names || names.length === 0) return { quality: true, plugins: [...plugins] };
  const known = new Set<string>([...FAMILIES, ...plugins.map((p) => p.name)]);
  for (const n of names)
    if (!known.has(n))
      throw new SynthkitError('BAD_OPTION', `Unknown metric "${n}"`, {
        hint: `Pick from the families ${FAMILIES.join(', ')} or the metrics ${plugins.map((p) => p.name).join(', ')}`,
      });
  const want = new Set(names);
  const quality = want.has('quality');
  return {
    quality,
    plugins: plugins.filter(
      (p) =>
        want.has(p.name) ||
        want.has(p.family) ||
        (quality && (QUALITY_METRICS as readonly string[]).includes(p.name)),
    ),
  };
}

/**
 * Runs the quality report and the selected metric plugins on a real and a synthetic table. Tables
 * that do not fit the metadata are a SynthkitError; metrics that cannot be computed are NaN with a
 * reason, listed in `warnings` too.
 */
export async function evaluate(input: EvaluateInput): Promise<EvaluationReport> {
  const seed = input.seed ?? 0;
  const rng = new Rng(seed);
  const progress = input.progress ?? (() => {});
  const data = prepared(input.real, input.synthetic, input.metadata);
  if (input.target !== undefined && !input.real.has(input.target))
    throw new SynthkitError('UNKNOWN_COLUMN', `Target "${input.target}" is not a column of the real table`, {
      column: input.target,
      hint: `Columns are: ${input.real.names.join(', ')}`,
    });
  const all = [...builtinMetrics, ...(input.plugins ?? [])];
  const pick = selected(input.metrics, all);
  const plugins = pick.plugins.filter(
    (p) => p.family !== 'utility' || input.target !== undefined || input.metrics?.includes(p.name),
  );
  const total = plugins.length + (pick.quality ? 1 : 0);
  const timings: Record<string, number> = {};
  const warnings: string[] = [];
  let done = 0;
  let quality: QualityReport | undefined;
  if (pick.quality) {
    progress({ stage: 'evaluate', done, total, message: 'quality report' });
    const t0 = performance.now();
    quality = qualityFromPrepared(data);
    timings.quality = performance.now() - t0;
    done++;
    for (const c of quality.columnShapes)
      if (c.reason) warnings.push(`${c.metric} for "${c.column}" is not computable: ${c.reason}`);
    for (const p of quality.columnPairTrends)
      if (p.reason)
        warnings.push(`${p.metric} for "${p.columns[0]}" × "${p.columns[1]}" is not computable: ${p.reason}`);
  }
  const byFamily: Record<string, MetricResult[]> = {
    diagnostic: [],
    fidelity: [],
    detection: [],
    utility: [],
  };
  for (const plugin of plugins) {
    if (input.signal?.aborted) throw new SynthkitError('ABORTED', 'Evaluation aborted');
    progress({ stage: 'evaluate', done, total, message: plugin.name });
    // let a progress bar draw between metrics
    await new Promise((r) => setTimeout(r, 0));
    const t0 = performance.now();
    const result = await plugin.compute(
      {
        real: input.real,
        synthetic: input.synthetic,
        metadata: input.metadata,
        ...(input.target !== undefined ? { target: input.target } : {}),
      },
      { rng: rng.fork(plugin.name), progress, ...(input.signal ? { signal: input.signal } : {}) },
    );
    timings[plugin.name] = performance.now() - t0;
    done++;
    byFamily[plugin.family]!.push(result);
    if (Number.isNaN(result.score))
      warnings.push(`${plugin.name} is not computable: ${result.reason ?? 'no reason given'}`);
    else if (result.reason) warnings.push(`${plugin.name}: ${result.reason}`);
    const columns = (result.details as { columns?: { column: string; reason?: string }[] } | undefined)
      ?.columns;
    if (Array.isArray(columns))
      for (const c of columns) if (c.reason) warnings.push(`${plugin.name} for "${c.column}": ${c.reason}`);
  }
  progress({ stage: 'evaluate', done, total, message: 'done' });
  warnings.push(...weakScoreFindings(quality, byFamily));
  return {
    version: 1,
    seed,
    rows: { real: data.nReal, synthetic: data.nSynthetic },
    ...(input.target !== undefined ? { target: input.target } : {}),
    ...(quality ? { quality } : {}),
    diagnostic: byFamily.diagnostic!,
    // with the quality report present, its four metrics would only repeat it
    fidelity: quality
      ? byFamily.fidelity!.filter((r) => !(QUALITY_METRICS as readonly string[]).includes(r.name))
      : byFamily.fidelity!,
    detection: byFamily.detection!,
    utility: byFamily.utility!,
    warnings: [...new Set(warnings)],
    timings,
  };
}

/** The report as JSON text: NaN and infinities become null (each keeps its `reason`). */
export function evaluationToJson(report: EvaluationReport): string {
  return JSON.stringify(report, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2);
}
