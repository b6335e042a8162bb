import {
  type MetricInput,
  type MetricPlugin,
  type MetricResult,
  Rng,
  type RunContext,
  SynthkitError,
} from '@synthkit/core';
import { featureColumn, stackColumns } from '../ml/features.js';
import { stratifiedFolds } from '../ml/folds.js';
import { MODEL_LABELS, type ModelKind, type ModelOptions, trainAndPredict } from '../ml/models.js';
import {
  type ClassificationScores,
  classificationScores,
  type RegressionScores,
  regressionScores,
} from '../ml/supervised-scores.js';
import type { Task } from '../ml/task.js';
import { type PreparedData, prepared } from '../prepare/prepared.js';

/**
 * Machine-learning utility, "train on synthetic, test on real" (TSTR) against "train on real, test on
 * real" (TRTR) (Esteban, Hyland & Rätsch 2017, Sec. 4.3): the same model is fitted once on real
 * training rows and once on the synthetic rows, and both are scored on the same held-out third of the
 * real rows. The ratio TSTR/TRTR says how much of the real data's usefulness the synthetic data keeps.
 */
export interface UtilityResult {
  readonly target: string;
  readonly task: 'classification' | 'regression';
  readonly model: ModelKind;
  /** Classes in the order of the scores' class indices (classification only). */
  readonly classes?: string[];
  readonly trtr: ClassificationScores | RegressionScores;
  readonly tstr: ClassificationScores | RegressionScores;
  /** TSTR / TRTR for each score (TRTR / TSTR for MAE, so that higher is better everywhere). */
  readonly ratio: Record<string, number>;
  /** Main ratio, clipped to [0, 1]: macro-F1 (classification) or R² (regression); NaN with `reason`. */
  readonly score: number;
  readonly reason?: string;
  readonly rows: { readonly realTrain: number; readonly synthetic: number; readonly realTest: number };
  /** Rows left out because their target value is missing (reported, never silently dropped). */
  readonly missingTarget: { readonly real: number; readonly synthetic: number };
}

export const MAX_CLASSES = 50;
export const TEST_FOLDS = 3;

function nonMissing(v: Float64Array | Int32Array): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < v.length; i++)
    if (v instanceof Float64Array ? !Number.isNaN(v[i]!) : v[i]! >= 0) out.push(i);
  return Int32Array.from(out);
}

function ratio(a: number, b: number): number {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : Number.NaN;
}

export function utility(
  data: PreparedData,
  target: string,
  model: ModelKind,
  rng: Rng,
  options: ModelOptions = {},
): UtilityResult {
  const t = data.byName.get(target);
  if (!t)
    throw new SynthkitError(
      'BAD_OPTION',
      `Utility target "${target}" is not a numerical, datetime, categorical or boolean column of the metadata`,
      {
        column: target,
        hint: `Pick one of: ${[...data.byName.keys()].join(', ')}`,
      },
    );
  const realRows = nonMissing(t.real);
  const synRows = nonMissing(t.synthetic);
  const missingTarget = { real: data.nReal - realRows.length, synthetic: data.nSynthetic - synRows.length };
  const features = data.columns.filter((c) => c.name !== target);
  const columns = stackColumns(
    features.map((c) => featureColumn(c, 'real', realRows)),
    features.map((c) => featureColumn(c, 'synthetic', synRows)),
  );
  const nr = realRows.length;
  const n = nr + synRows.length;
  const y = new Float64Array(n);
  let task: Task;
  let classes: string[] | undefined;
  const base = {
    target,
    model,
    missingTarget,
    rows: { realTrain: 0, synthetic: synRows.length, realTest: 0 },
  };
  const incomputable = (reason: string, kind: 'classification' | 'regression'): UtilityResult => ({
    ...base,
    task: kind,
    trtr: {} as RegressionScores,
    tstr: {} as RegressionScores,
    ratio: {},
    score: Number.NaN,
    reason,
  });
  if (t.kind === 'discrete') {
    // compact class indices over the classes that occur
    const index = new Int32Array(t.labels.length).fill(-1);
    classes = [];
    const code = (c: number) => {
      if (index[c]! < 0) {
        index[c] = classes!.length;
        classes!.push(t.labels[c]!);
      }
      return index[c]!;
    };
    realRows.forEach((r, i) => {
      y[i] = code(t.real[r]!);
    });
    const realClasses = classes.length;
    synRows.forEach((r, i) => {
      y[nr + i] = code(t.synthetic[r]!);
    });
    if (realClasses < 2)
      return incomputable(
        `the target "${target}" has ${realClasses === 0 ? 'no value' : 'a single class'} in the real data`,
        'classification',
      );
    if (classes.length > MAX_CLASSES)
      return incomputable(
        `the target "${target}" has ${classes.length} classes; utility supports at most ${MAX_CLASSES}`,
        'classification',
      );
    task = { kind: 'classification', nClasses: classes.length };
  } else {
    realRows.forEach((r, i) => {
      y[i] = t.real[r]!;
    });
    synRows.forEach((r, i) => {
      y[nr + i] = t.synthetic[r]!;
    });
    let constant = true;
    for (let i = 1; i < nr; i++) if (y[i] !== y[0]) constant = false;
    if (nr === 0 || constant)
      return incomputable(
        `the target "${target}" is ${nr === 0 ? 'all missing' : 'constant'} in the real data`,
        'regression',
      );
    task = { kind: 'regression' };
  }
  if (synRows.length === 0)
    return incomputable(`the target "${target}" is missing in every synthetic row`, task.kind);
  // a stratified third of the real rows is the test set (for regression: strata of equal size)
  const strata = task.kind === 'classification' ? y.subarray(0, nr) : new Float64Array(nr);
  const folds = stratifiedFolds(strata, TEST_FOLDS, rng.fork('test-split'));
  const test = folds[0]!;
  const isTest = new Uint8Array(nr);
  for (const r of test) isTest[r] = 1;
  const realTrain = Int32Array.from({ length: nr - test.length }, () => 0);
  let o = 0;
  for (let i = 0; i < nr; i++) if (!isTest[i]) realTrain[o++] = i;
  const synTrain = Int32Array.from({ length: synRows.length }, (_, i) => nr + i);
  const truth = Float64Array.from(test, (r) => y[r]!);
  const scoresOf = (trainRows: Int32Array) => {
    const p = trainAndPredict(model, columns, y, trainRows, test, task, options);
    return task.kind === 'classification'
      ? classificationScores(truth, p, task.nClasses)
      : regressionScores(truth, p);
  };
  const trtr = scoresOf(realTrain);
  const tstr = scoresOf(synTrain);
  const ratios: Record<string, number> = {};
  for (const [k, v] of Object.entries(trtr)) {
    const s = (tstr as unknown as Record<string, number>)[k]!;
    ratios[k] = k === 'mae' ? ratio(v, s) : ratio(s, v);
  }
  const mainKey = task.kind === 'classification' ? 'macroF1' : 'r2';
  const mainTrtr = (trtr as unknown as Record<string, number>)[mainKey]!;
  const result = {
    ...base,
    task: task.kind,
    ...(classes ? { classes } : {}),
    trtr,
    tstr,
    ratio: ratios,
    rows: { realTrain: realTrain.length, synthetic: synRows.length, realTest: test.length },
  };
  if (!(mainTrtr > 0))
    return {
      ...result,
      score: Number.NaN,
      reason: `the model trained on real data has ${mainKey} ${mainTrtr.toFixed(3)}, so the ratio is meaningless`,
    };
  return { ...result, score: Math.max(0, Math.min(1, ratios[mainKey]!)) };
}

function utilityMetric(name: string, model: ModelKind): MetricPlugin {
  return {
    kind: 'metric',
    name,
    family: 'utility',
    description: `TSTR / TRTR with a ${MODEL_LABELS[model]} predicting --target (macro-F1 or R² ratio)`,
    compute(input: MetricInput, ctx?: RunContext): MetricResult {
      if (input.target === undefined)
        return { name, score: Number.NaN, reason: 'no target column given (use --target)' };
      if (!input.real.has(input.target))
        throw new SynthkitError(
          'UNKNOWN_COLUMN',
          `Utility target "${input.target}" is not a column of the real table`,
          {
            column: input.target,
            hint: `Columns are: ${input.real.names.join(', ')}`,
          },
        );
      const data = prepared(input.real, input.synthetic, input.metadata);
      const r = utility(data, input.target, model, (ctx?.rng ?? new Rng(0)).fork(name));
      return {
        name,
        score: r.score,
        ...(r.reason ? { reason: r.reason } : {}),
        details: JSON.parse(
          JSON.stringify(r, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)),
        ),
      };
    },
  };
}

export const linearUtilityMetric = utilityMetric('LinearUtility', 'linear');
export const boostedTreesUtilityMetric = utilityMetric('BoostedTreesUtility', 'boosted-trees');
