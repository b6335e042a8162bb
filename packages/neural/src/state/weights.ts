import { type ModelState, SynthkitError, type TypedArray } from '@synthkit/core';
import type { Adam } from '../optim/adam.js';
import type { ParamSet } from '../params/param-set.js';

/** Network weights as named Float32Arrays for a ModelState (bit-exact: float32 in, float32 out). */
export function saveWeights(sets: Readonly<Record<string, ParamSet>>): Record<string, Float32Array> {
  const out: Record<string, Float32Array> = {};
  for (const [name, set] of Object.entries(sets)) out[`${name}.weights`] = set.read();
  return out;
}

export function loadWeights(arrays: ModelState['arrays'], sets: Readonly<Record<string, ParamSet>>): void {
  for (const [name, set] of Object.entries(sets))
    set.write(requireFloat32(arrays, `${name}.weights`), `${name} weights`);
}

/** Adam moments and step count, for checkpoints a run can resume from. */
export function saveOptimizer(
  name: string,
  adam: Adam,
): { step: number; arrays: Record<string, Float32Array> } {
  const s = adam.state();
  return { step: s.step, arrays: { [`${name}.adam.m`]: s.m, [`${name}.adam.v`]: s.v } };
}

export function loadOptimizer(name: string, adam: Adam, step: number, arrays: ModelState['arrays']): void {
  adam.load({
    step,
    m: requireFloat32(arrays, `${name}.adam.m`),
    v: requireFloat32(arrays, `${name}.adam.v`),
  });
}

export function requireFloat32(arrays: Readonly<Record<string, TypedArray>>, key: string): Float32Array {
  const a = arrays[key];
  if (!(a instanceof Float32Array))
    throw new SynthkitError('BAD_ARTIFACT', `The model state has no float32 array "${key}"`, {
      hint: 'Save the model again with this version of synthkit',
    });
  return a;
}
