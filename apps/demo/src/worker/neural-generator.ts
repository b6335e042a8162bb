/**
 * CTGAN / TVAE for the browser, loaded only when chosen: TensorFlow.js and its wasm binaries are a
 * separate chunk that the copula path never downloads. The wasm backend runs in this worker
 * (webgl would need an OffscreenCanvas and a GPU; wasm runs everywhere with SIMD).
 */
import type { GeneratorPlugin } from '@synthkit/core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

let pathsSet = false;

export async function neuralGenerator(
  kind: 'ctgan' | 'tvae',
  epochs: number,
  // biome-ignore lint/suspicious/noExplicitAny: the plugins' option types are their own
): Promise<GeneratorPlugin<any>> {
  if (!pathsSet) {
    // Vite emits the binaries as hashed assets; tfjs must be told where they are before it starts.
    setWasmPaths({
      'tfjs-backend-wasm.wasm': plainWasm,
      'tfjs-backend-wasm-simd.wasm': simdWasm,
      'tfjs-backend-wasm-threaded-simd.wasm': threadedWasm,
    });
    pathsSet = true;
  }
  if (kind === 'ctgan') {
    const { ctgan } = await import('@synthkit/gan');
    return ctgan({ epochs, backend: 'wasm' });
  }
  const { tvae } = await import('@synthkit/vae');
  return tvae({ epochs, backend: 'wasm' });
}
