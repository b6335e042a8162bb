import { SynthkitError } from '@synthkit/core';
import type { BackendInfo } from '../backend/select-backend.js';
import { loadOrt, type OrtModule } from './ort-runtime.js';

/** How a generator trains: 'onnx' (one native graph per step), 'tfjs', or 'auto'. */
export const ENGINE_NAMES = ['auto', 'onnx', 'tfjs'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export type EngineInfo =
  | { readonly name: 'onnx'; readonly ort: OrtModule; readonly description: string }
  | { readonly name: 'tfjs'; readonly description: string };

/**
 * Picks the training engine. 'auto' trains on onnxruntime-node when it loads (Node with its native
 * binary) unless the tfjs backend is the pure-JS cpu one, which users pick for bit-for-bit
 * reproducibility of the tfjs code path; elsewhere (a browser) tfjs on `backend`. Asking for 'onnx'
 * where onnxruntime-node cannot load is BACKEND_UNAVAILABLE.
 */
export async function selectEngine(requested: EngineName, backend: BackendInfo): Promise<EngineInfo> {
  const tfjs = { name: 'tfjs', description: backend.description } as const;
  if (requested === 'tfjs' || (requested === 'auto' && backend.name === 'cpu')) return tfjs;
  const ort = await loadOrt();
  if (ort) return { name: 'onnx', ort, description: 'onnxruntime-node (1 thread)' };
  if (requested === 'auto') return tfjs;
  throw new SynthkitError(
    'BACKEND_UNAVAILABLE',
    'The onnx training engine needs onnxruntime-node, which did not load',
    {
      hint: 'Use engine=tfjs (the browser always trains on TensorFlow.js), or reinstall onnxruntime-node',
    },
  );
}
