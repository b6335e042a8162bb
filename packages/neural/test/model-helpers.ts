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
