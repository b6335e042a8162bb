import { Rng } from '@synthkit/core';
import {
  type DenoiserArchitecture,
  denoiserParamSpecs,
  weightsFromFlat,
} from '../src/denoiser/architecture.js';
import type { DenoiserWeights } from '../src/denoiser/weights.js';
import { fitSidecar } from '../src/encoder/fit-sidecar.js';
import { type DiffusionSidecar, type SidecarLayout, sidecarLayout } from '../src/encoder/sidecar.js';
import { loadAdultView } from './adult-view.js';

/**
 * The Adult-shaped denoiser with small random weights: what speed measurements need (the cost of a
 * step does not depend on the weights), with the sidecar of Adult's columns.
 */
export async function randomAdultDenoiser(
  hidden: readonly number[] = [256, 256, 256, 256],
  seed = 1,
): Promise<{ sidecar: DiffusionSidecar; layout: SidecarLayout; weights: DenoiserWeights }> {
  const sidecar = fitSidecar(await loadAdultView(), { kind: 'cosine', T: 1000 });
  const layout = sidecarLayout(sidecar);
  const arch: DenoiserArchitecture = { width: layout.width, timeDim: 128, hidden, activation: 'relu' };
  let size = 0;
  for (const s of denoiserParamSpecs(arch)) size += s.shape.reduce((a, b) => a * b, 1);
  const rng = new Rng(seed);
  const flat = Float32Array.from({ length: size }, () => (rng.next() - 0.5) * 0.1);
  return { sidecar, layout, weights: weightsFromFlat(arch, flat) };
}
