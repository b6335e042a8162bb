import {
  type FittedModel,
  type GeneratorPlugin,
  type ModelState,
  type OptionsSchema,
  type ProgressEvent,
  parseOptions,
  Rng,
  type ViewCondition,
  type ViewTable,
} from '@synthkit/core';
import { tf } from '@synthkit/neural';
import { expect } from 'vitest';
import { csvView } from './csv-view.js';

/** Test helper: every batch of `model.sample(n)` with a fixed seed. */
export async function sampleAll(
  model: FittedModel,
  n: number,
  seed = 7,
  conditions: readonly ViewCondition[] = [],
  batchSize = 64,
): Promise<ViewTable[]> {
  const parts: ViewTable[] = [];
  for await (const b of model.sample(n, { rng: new Rng(seed), progress: () => {}, conditions, batchSize }))
    parts.push(b);
  return parts;
}

/** Test helper: one column's values (or codes) across batches. */
export function column(parts: readonly ViewTable[], name: string): number[] {
  return parts.flatMap((p) => {
    const c = p.columns.find((x) => x.name === name)!;
    return [...(c.kind === 'continuous' ? c.values : c.codes)];
  });
}

/** Test helper: the two states hold the same arrays, byte for byte. */
export function expectSameArrays(a: ModelState, b: ModelState): void {
  expect(Object.keys(a.arrays).sort()).toEqual(Object.keys(b.arrays).sort());
  for (const k of Object.keys(a.arrays))
    expect(Buffer.from(a.arrays[k]!.buffer).equals(Buffer.from(b.arrays[k]!.buffer))).toBe(true);
}

/** Test helper: fits a plugin on a view with its default options; progress events and the tfjs tensor count per epoch. */
export async function fitPlugin<M extends FittedModel>(
  plugin: GeneratorPlugin<OptionsSchema>,
  view: ViewTable,
  seed = 1,
): Promise<{ model: M; events: ProgressEvent[]; tensors: number[] }> {
  const events: ProgressEvent[] = [];
  const tensors: number[] = [];
  const model = (await plugin.fit(view, parseOptions(plugin.options), {
    rng: new Rng(seed),
    progress: (e) => {
      events.push(e);
      if (e.stage === 'epoch') tensors.push(tf.memory().numTensors);
    },
  })) as M;
  return { model, events, tensors };
}

/** Test helper: the largest |a[i] − b[i]| of two equally long arrays (asserts the lengths match). */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

/** Test helper: maxAbsDiff relative to the largest |b[i]|, for comparing gradients of mixed scale. */
export function relativeDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let scale = 0;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]!));
  return maxAbsDiff(a, b) / scale;
}

/** Test helper: how many positions differ by more than `tolerance`. */
export function countAbove(a: ArrayLike<number>, b: ArrayLike<number>, tolerance: number): number {
  let k = 0;
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i]! - b[i]!) > tolerance) k++;
  return k;
}

/**
 * Test helper: a generator fitted on Adult columns that are only continuous, then only discrete,
 * samples 50 finite values of each (the onnx sampling graphs have no empty parts to trip on).
 */
export async function expectSamplesSingleKindTables(
  makePlugin: () => GeneratorPlugin<OptionsSchema>,
): Promise<void> {
  for (const columns of [
    ['age', 'fnlwgt'],
    ['sex', 'race'],
  ]) {
    const plugin = makePlugin();
    const { model } = await fitPlugin<FittedModel & { dispose(): void }>(
      plugin,
      csvView('adult', 120, columns),
    );
    const parts = await sampleAll(model, 50);
    for (const name of columns) {
      const values = column(parts, name);
      expect(values).toHaveLength(50);
      expect(values.every(Number.isFinite)).toBe(true);
    }
    model.dispose();
  }
}
