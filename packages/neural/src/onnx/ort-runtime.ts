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

/**
 * A session on `threads` intra-op threads (0: onnxruntime's default, one per physical core; default
 * one, the fastest for small training steps on a shared 2-core machine), with worker threads that
 * sleep between parallel sections instead of spinning, so they do not starve the JavaScript thread
 * or each other when the cores are busy.
 */
export async function createSession(
  ort: OrtModule,
  model: Uint8Array,
  threads = 1,
): Promise<Ort.InferenceSession> {
  return ort.InferenceSession.create(model, {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    ...(threads !== 1 ? { extra: { session: { intra_op: { allow_spinning: '0' } } } } : {}),
  });
}
