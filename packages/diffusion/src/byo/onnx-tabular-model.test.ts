import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SynthkitError, Table } from '@synthkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { handBuiltModel, optimalTables } from '../../test/hand-built-model.js';
import type { DiffusionSidecar } from '../encoder/sidecar.js';
import { cosineSchedule } from '../schedule/noise-schedule.js';
import { stridedPlan } from '../schedule/strided-plan.js';
import { OnnxTabularModel, sampleOnnxModel } from './onnx-tabular-model.js';

const T = 200;
const alphaBar = cosineSchedule(T).alphaBar;
const COLORS = ['red', 'green', 'blue'];
const P = [0.6, 0.3, 0.1];

// amount: quantile knots 0..100 (uniform) with N(0,1) in model space; score: z-score mean 50 sd 10
// with N(1, 0.5²) in model space (so 60 ± 5); color: categorical with probabilities P.
const sidecar: DiffusionSidecar = {
  format: 'synthkit-diffusion-encoder',
  version: 1,
  columns: [
    {
      name: 'amount',
      kind: 'numerical',
      transform: { kind: 'quantile', quantiles: Array.from({ length: 101 }, (_, i) => i) },
    },
    { name: 'color', kind: 'categorical', categories: COLORS },
    { name: 'score', kind: 'numerical', transform: { kind: 'standard', mean: 50, std: 10 }, decimals: 1 },
  ],
  schedule: { kind: 'cosine', T },
};
const tables = optimalTables(
  alphaBar,
  [
    { mu: 0, sd: 1 },
    { mu: 1, sd: 0.5 },
  ],
  [P],
);
const model = handBuiltModel({ T, ...tables });

function stats(v: Float64Array): { mean: number; sd: number; min: number; max: number } {
  const mean = v.reduce((a, x) => a + x, 0) / v.length;
  const sd = Math.sqrt(v.reduce((a, x) => a + (x - mean) ** 2, 0) / v.length);
  return { mean, sd, min: Math.min(...v), max: Math.max(...v) };
}

function numbers(t: Table, name: string): Float64Array {
  const c = t.column(name);
  if (c.type !== 'number') throw new Error(`${name} is ${c.type}`);
  return c.values;
}

function frequencies(t: Table, name: string): number[] {
  const c = t.column(name);
  if (c.type !== 'categorical') throw new Error(`${name} is ${c.type}`);
  const f = new Array<number>(c.categories.length).fill(0);
  for (const code of c.codes) f[code]!++;
  return f.map((x) => x / c.codes.length);
}

async function rejects(p: Promise<unknown>): Promise<SynthkitError> {
  try {
    await p;
  } catch (e) {
    return e as SynthkitError;
  }
  throw new Error('expected a rejection');
}

describe('bring your own ONNX model (hand-built, known weights)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'synthkit-byo-'));
    await writeFile(join(dir, 'model.onnx'), model);
    await writeFile(join(dir, 'encoder.json'), JSON.stringify(sidecar));
  });

  it('samples the distribution the weights encode, from files, with all T steps', async () => {
    const t = await sampleOnnxModel(join(dir, 'model.onnx'), join(dir, 'encoder.json'), 4000, { seed: 1 });
    expect(t.names).toEqual(['amount', 'color', 'score']);
    expect(t.nRows).toBe(4000);
    const amount = stats(numbers(t, 'amount'));
    expect(Math.abs(amount.mean - 50)).toBeLessThan(3 * (28.9 / Math.sqrt(4000)));
    expect(amount.sd).toBeCloseTo(100 / Math.sqrt(12), 0); // uniform on [0, 100]
    expect(amount.min).toBeGreaterThanOrEqual(0);
    expect(amount.max).toBeLessThanOrEqual(100);
    const score = stats(numbers(t, 'score'));
    expect(score.mean).toBeCloseTo(60, 0);
    expect(Math.abs(score.sd - 5)).toBeLessThan(0.3);
    for (const v of numbers(t, 'score')) expect(Math.round(v * 10) / 10).toBe(v);
    const f = frequencies(t, 'color');
    for (let k = 0; k < 3; k++) expect(Math.abs(f[k]! - P[k]!), COLORS[k]).toBeLessThan(0.03);
  });

  it('samples with a strided schedule and a float32 t input', async () => {
    // tables for the 25 visited steps, each jumping to the next visited one
    const plan = stridedPlan(cosineSchedule(T), 25);
    const prev = new Float64Array(T).fill(1);
    plan.timesteps.forEach((s, i) => {
      prev[s] = plan.alphaBarPrev[i]!;
    });
    const strided = optimalTables(
      alphaBar,
      [
        { mu: 0, sd: 1 },
        { mu: 1, sd: 0.5 },
      ],
      [P],
      prev,
    );
    const floatModel = handBuiltModel({ T, ...strided, timeInput: 'float32' });
    const t = await sampleOnnxModel(floatModel, sidecar, 3000, { seed: 2, steps: 25 });
    expect(Math.abs(stats(numbers(t, 'amount')).mean - 50)).toBeLessThan(3 * (28.9 / Math.sqrt(3000)));
    const f = frequencies(t, 'color');
    for (let k = 0; k < 3; k++) expect(Math.abs(f[k]! - P[k]!)).toBeLessThan(0.04);
  });

  it('is reproducible: the same seed gives the same rows, another seed other rows', async () => {
    const a = await sampleOnnxModel(model, sidecar, 300, { seed: 7, steps: 20, batchSize: 128 });
    const b = await sampleOnnxModel(model, sidecar, 300, { seed: 7, steps: 20, batchSize: 128 });
    const c = await sampleOnnxModel(model, sidecar, 300, { seed: 8, steps: 20, batchSize: 128 });
    expect(numbers(a, 'amount')).toEqual(numbers(b, 'amount'));
    expect(a.column('color')).toEqual(b.column('color'));
    expect(numbers(a, 'amount')).not.toEqual(numbers(c, 'amount'));
  });

  it('feeds the class input of a conditional model, from the prior or fixed', async () => {
    // score | y ~ N(μ_y, 0.5²) in model space with μ = (−2, +2): G[t] ⊙ M[y] carries −a·√ᾱ·μ_y
    const condSidecar: DiffusionSidecar = {
      ...sidecar,
      columns: [...sidecar.columns, { name: 'group', kind: 'categorical', categories: ['low', 'high'] }],
      conditioning: { column: 'group', prior: [0.25, 0.75] },
    };
    const base = optimalTables(
      alphaBar,
      [
        { mu: 0, sd: 1 },
        { mu: 0, sd: 0.5 },
      ],
      [P],
    );
    const G = new Float32Array(T * base.width);
    for (let s = 0; s < T; s++) {
      const ab = alphaBar[s]!;
      G[s * base.width + 1] = (-Math.sqrt(1 - ab) / (ab * 0.25 + 1 - ab)) * Math.sqrt(ab);
    }
    const M = Float32Array.of(0, -2, 0, 0, 0, 0, 2, 0, 0, 0);
    const cond = handBuiltModel({ T, ...base, conditional: { G, M, classes: 2 } });
    const t = await sampleOnnxModel(cond, condSidecar, 2000, { seed: 3, steps: 50 });
    const group = t.column('group');
    const score = numbers(t, 'score');
    if (group.type !== 'categorical') throw new Error('group');
    let high = 0;
    let meanHigh = 0;
    let meanLow = 0;
    for (let i = 0; i < t.nRows; i++) {
      if (group.codes[i] === 1) {
        high++;
        meanHigh += score[i]!;
      } else meanLow += score[i]!;
    }
    expect(high / t.nRows).toBeCloseTo(0.75, 1);
    expect(meanHigh / high).toBeCloseTo(70, 0);
    expect(meanLow / (t.nRows - high)).toBeCloseTo(30, 0);
    const fixed = await sampleOnnxModel(cond, condSidecar, 500, { seed: 3, steps: 50, label: 'low' });
    expect(frequencies(fixed, 'group')).toEqual([1, 0]);
    expect(stats(numbers(fixed, 'score')).mean).toBeCloseTo(30, 0);
  });

  it('rejects a corrupted ONNX file before sampling', async () => {
    const e = await rejects(sampleOnnxModel(model.slice(0, model.length >> 1), sidecar, 10));
    expect(e.code).toBe('BAD_ARTIFACT');
    expect(e.hint).toMatch(/corrupted/);
  });

  it('rejects a sidecar whose width does not match the model', async () => {
    const narrow = {
      ...sidecar,
      columns: [
        sidecar.columns[0]!,
        { name: 'color', kind: 'categorical', categories: ['red', 'green'] },
        sidecar.columns[2]!,
      ],
    };
    const e = await rejects(sampleOnnxModel(model, narrow, 10));
    expect(e.code).toBe('BAD_ARTIFACT');
    expect(e.message).toMatch(/4 \(2 numerical \+ 2 one-hot\)/);
  });

  it('rejects input and output names that differ from the sidecar', async () => {
    const renamed = handBuiltModel({ T, ...tables, names: { x: 'x' } });
    const e = await rejects(sampleOnnxModel(renamed, sidecar, 10));
    expect(e.code).toBe('BAD_ARTIFACT');
    expect(e.message).toMatch(/no input "x_t"/);
    // …and works once the sidecar names it
    const ok = await sampleOnnxModel(renamed, { ...sidecar, io: { x: 'x' } }, 10, { steps: 5 });
    expect(ok.nRows).toBe(10);
    const cond = await rejects(
      sampleOnnxModel(model, { ...sidecar, conditioning: { column: 'color', prior: [1, 1, 1] } }, 10),
    );
    expect(cond.message).toMatch(/no input "y"/);
  });

  it('rejects a sidecar column the table lacks, steps > T and zero rows', async () => {
    const missing = await rejects(OnnxTabularModel.load(model, sidecar, { columns: ['amount', 'score'] }));
    expect(missing.code).toBe('MISSING_COLUMN');
    expect(missing.column).toBe('color');
    const steps = await rejects(sampleOnnxModel(model, sidecar, 10, { steps: T + 1 }));
    expect(steps.code).toBe('BAD_OPTION');
    expect(steps.message).toMatch(/from 1 to 200/);
    const zero = await rejects(sampleOnnxModel(model, sidecar, 0));
    expect(zero.code).toBe('BAD_OPTION');
    const badJson = await rejects(sampleOnnxModel(model, { ...sidecar, format: 'other' }, 10));
    expect(badJson.code).toBe('BAD_SPEC');
  });
});
