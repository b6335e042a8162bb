import { parseOptions, Rng, type SynthkitError, type ViewTable } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { stepGraphAgainstReference } from '../test/js-step-runner.js';
import { ddpm } from './ddpm-plugin.js';
import type { DiffusionSidecar } from './encoder/sidecar.js';

/** A: a (70%) / b; x | a ~ N(0, 1), x | b ~ N(6, 1); B = p with probability 0.9 when A = a, else q. */
function toyView(n: number, seed: number): ViewTable {
  const rng = new Rng(seed);
  const a = new Int32Array(n);
  const b = new Int32Array(n);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = rng.next() < 0.7 ? 0 : 1;
    x[i] = rng.normal(a[i] === 0 ? 0 : 6, 1);
    b[i] = rng.next() < (a[i] === 0 ? 0.9 : 0.1) ? 0 : 1;
  }
  return {
    nRows: n,
    columns: [
      { kind: 'discrete', name: 'A', codes: a, labels: ['a', 'b'] },
      { kind: 'continuous', name: 'x', values: x },
      { kind: 'discrete', name: 'B', codes: b, labels: ['p', 'q'] },
    ],
  };
}

const SMALL = {
  hidden: '64,64',
  iterations: 400,
  batchSize: 256,
  timesteps: 100,
  backend: 'wasm',
  learningRate: 0.004,
};

async function collect(
  model: { sample(n: number, ctx: never): AsyncIterable<ViewTable> },
  n: number,
  seed: number,
  batchSize = 500,
) {
  const parts: ViewTable[] = [];
  for await (const b of model.sample(n, {
    rng: new Rng(seed),
    progress: () => {},
    conditions: [],
    batchSize,
  } as never))
    parts.push(b);
  return parts;
}

function column<K extends 'continuous' | 'discrete'>(parts: ViewTable[], name: string, kind: K) {
  const cols = parts.map((p) => p.columns.find((c) => c.name === name)!);
  if (cols.some((c) => c.kind !== kind)) throw new Error(`${name} is not ${kind}`);
  return kind === 'continuous'
    ? Float64Array.from(cols.flatMap((c) => [...(c as { values: Float64Array }).values]))
    : Int32Array.from(cols.flatMap((c) => [...(c as { codes: Int32Array }).codes]));
}

async function fails(p: Promise<unknown>): Promise<SynthkitError> {
  try {
    await p;
  } catch (e) {
    return e as SynthkitError;
  }
  throw new Error('expected a rejection');
}

describe('ddpm generator', () => {
  const plugin = ddpm(SMALL);
  const options = parseOptions(plugin.options, {});
  const ctx = { rng: new Rng(1), progress: () => {} };

  it('learns marginals and dependencies of a mixed table, and sampling is seeded', async () => {
    const model = await plugin.fit(toyView(3000, 1), options, ctx);
    const parts = await collect(model as never, 2000, 5);
    expect(parts.reduce((s, p) => s + p.nRows, 0)).toBe(2000);
    expect(parts[0]!.nRows).toBe(500); // the context's batch size
    expect(parts[0]!.columns.map((c) => `${c.name}:${c.kind}`)).toEqual([
      'A:discrete',
      'x:continuous',
      'B:discrete',
    ]);
    const a = column(parts, 'A', 'discrete') as Int32Array;
    const x = column(parts, 'x', 'continuous') as Float64Array;
    const b = column(parts, 'B', 'discrete') as Int32Array;
    const share = a.reduce((s, v) => s + (v === 0 ? 1 : 0), 0) / a.length;
    expect(Math.abs(share - 0.7)).toBeLessThan(0.08);
    const mean = (k: number) => {
      let s = 0;
      let c = 0;
      for (let i = 0; i < a.length; i++)
        if (a[i] === k) {
          s += x[i]!;
          c++;
        }
      return s / c;
    };
    expect(mean(0)).toBeLessThan(1.5);
    expect(mean(1)).toBeGreaterThan(4.5);
    let agree = 0;
    for (let i = 0; i < a.length; i++) if (a[i] === b[i]) agree++;
    expect(agree / a.length).toBeGreaterThan(0.7); // independent columns would agree ~58% of the time

    const again = await collect(model as never, 2000, 5);
    expect(column(again, 'x', 'continuous')).toEqual(x);
    const other = await collect(model as never, 2000, 6);
    expect(column(other, 'x', 'continuous')).not.toEqual(x);

    // save → load samples the same rows
    const state = model.save();
    expect(state.arrays.onnx).toBeInstanceOf(Uint8Array);
    const loaded = await plugin.load(
      { json: JSON.parse(JSON.stringify(state.json)), arrays: state.arrays },
      options,
    );
    expect(column(await collect(loaded as never, 2000, 5), 'x', 'continuous')).toEqual(x);

    // on this trained model the step graph draws what the JavaScript posterior draws, noise for noise
    const { sidecar } = state.json as unknown as { sidecar: DiffusionSidecar };
    for (const eta of [1, 0]) {
      const o = { n: 1000, steps: 100, eta, batchSize: 500, seed: 9 };
      const { sameCodes, maxDiff } = await stepGraphAgainstReference(
        state.arrays.onnx as Uint8Array,
        sidecar,
        o,
      );
      expect(sameCodes, `η ${eta}`).toBeGreaterThanOrEqual(0.999);
      expect(maxDiff, `η ${eta}`).toBeLessThan(1e-3);
    }
  }, 120_000);

  it('conditions on a target column and draws it from its training prior', async () => {
    const conditional = ddpm({ ...SMALL, iterations: 20, target: 'A' }); // labels come from the prior, not the net
    const model = await conditional.fit(toyView(2000, 2), parseOptions(conditional.options, {}), ctx);
    const parts = await collect(model as never, 1500, 3);
    const a = column(parts, 'A', 'discrete') as Int32Array;
    const share = a.reduce((s, v) => s + (v === 0 ? 1 : 0), 0) / a.length;
    expect(Math.abs(share - 0.7)).toBeLessThan(0.05);
  }, 120_000);

  it('rejects bad input before any training', async () => {
    const started = performance.now();
    const view = toyView(100, 3);
    const steps = await fails(plugin.fit(view, parseOptions(plugin.options, { steps: 101 }), ctx));
    expect(steps.code).toBe('BAD_OPTION');
    expect(steps.message).toMatch(/T = 100/);
    const empty = await fails(plugin.fit({ nRows: 0, columns: view.columns }, options, ctx));
    expect(empty.code).toBe('NO_ROWS');
    // One row could only be copied: refused, as ctgan and tvae refuse it.
    const one = await fails(plugin.fit(toyView(1, 3), options, ctx));
    expect(one.code).toBe('NO_ROWS');
    const numericTarget = await fails(plugin.fit(view, parseOptions(plugin.options, { target: 'x' }), ctx));
    expect(numericTarget.code).toBe('BAD_OPTION');
    const unknownTarget = await fails(
      plugin.fit(view, parseOptions(plugin.options, { target: 'nope' }), ctx),
    );
    expect(unknownTarget.code).toBe('UNKNOWN_COLUMN');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(() => ddpm({ hidden: 'wide' })).toThrow(/list of integers/);
  });

  it('refuses a state from another version or without its ONNX bytes', async () => {
    await expect(async () => plugin.load({ json: { version: 99 }, arrays: {} }, options)).rejects.toThrow(
      /version/,
    );
    await expect(async () =>
      plugin.load({ json: { version: 1, sidecar: {} }, arrays: {} }, options),
    ).rejects.toThrow(/no ONNX/);
  });
});
