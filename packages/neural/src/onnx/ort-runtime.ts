import type * as Ort from 'onnxruntime-node';

export type OrtModule = typeof Ort;

let cached: Promise<OrtModule | undefined> | undefined;

/**
 * onnxruntime-node when it can load here (Node, its native binary present), else undefined: callers
 * fall back to TensorFlow.js (in a browser, or where the binary is missing).
 */
export function loadOrt(): Promise<OrtModule | undefined> {
  cached ??= import('onnxruntime-node').then(
    (m) => ((m as unknown as { default?: OrtModule }).default ?? m) as OrtModule,
    () => undefined,
  );
  return cached;
}

/** A single-threaded session: one thread is fastest on a shared 2-core machine and keeps runs reproducible. */
export async function createSession(ort: OrtModule, model: Uint8Array): Promise<Ort.InferenceSession> {
  return ort.InferenceSession.create(model, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  });
}
