import { SynthkitError } from '@synthkit/core';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { installFastMatMulGradient } from './fast-matmul-gradient.js';

/** What a user may ask for; 'auto' takes the fastest one that works here. */
export const BACKEND_NAMES = ['auto', 'tensorflow', 'tensorflow-gpu', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

export interface BackendInfo {
  /** The tfjs backend in use: 'tensorflow' (tfjs-node or -gpu), 'wasm' or 'cpu'. */
  readonly name: string;
  readonly requested: BackendName;
  /** Human-readable, for progress output and artifacts, e.g. "wasm (SIMD, 1 thread)". */
  readonly description: string;
}

// Optional peers: imported by a computed specifier so bundlers and the type checker do not require them.
const NATIVE_PACKAGES = {
  tensorflow: '@tensorflow/tfjs-node',
  'tensorflow-gpu': '@tensorflow/tfjs-node-gpu',
} as const;

/**
 * Picks and initialises a TensorFlow.js backend. 'auto': tfjs-node (or -gpu) when the user has
 * installed it, else wasm, else the pure-JS cpu backend. Asking for a backend that cannot run
 * here is a SynthkitError BACKEND_UNAVAILABLE with what to install or use instead.
 */
export async function selectBackend(requested: BackendName = 'auto'): Promise<BackendInfo> {
  if (!BACKEND_NAMES.includes(requested))
    throw new SynthkitError('BAD_OPTION', `Unknown backend "${requested}"`, {
      hint: `Use one of ${BACKEND_NAMES.join(', ')}`,
    });
  installFastMatMulGradient();
  // PROD drops tfjs's console advice ("install tfjs-node") that would break progress output.
  tf.env().set('PROD', true);
  if (requested === 'tensorflow' || requested === 'tensorflow-gpu') {
    const why = await loadNative(requested);
    if (why !== undefined)
      throw new SynthkitError('BACKEND_UNAVAILABLE', `Backend "${requested}" is not available: ${why}`, {
        hint:
          requested === 'tensorflow-gpu'
            ? 'It needs an NVIDIA GPU with CUDA and `npm install @tensorflow/tfjs-node-gpu`; on this machine use --backend wasm (or auto)'
            : 'Install it with `npm install @tensorflow/tfjs-node`, or use --backend wasm (or auto)',
      });
    await use('tensorflow');
    return describe(requested);
  }
  if (requested === 'auto') {
    if (
      (await loadNative('tensorflow-gpu')) === undefined ||
      (await loadNative('tensorflow')) === undefined
    ) {
      await use('tensorflow');
      return describe(requested);
    }
    if (await tryUse('wasm')) return describe(requested);
    await use('cpu');
    return describe(requested);
  }
  if (!(await tryUse(requested)))
    throw new SynthkitError('BACKEND_UNAVAILABLE', `Backend "${requested}" could not start here`, {
      hint: 'Use --backend cpu',
    });
  return describe(requested);
}

async function loadNative(which: 'tensorflow' | 'tensorflow-gpu'): Promise<string | undefined> {
  if (tf.findBackend('tensorflow')) return undefined;
  try {
    const spec: string = NATIVE_PACKAGES[which];
    await import(spec);
    return tf.findBackend('tensorflow')
      ? undefined
      : `${NATIVE_PACKAGES[which]} loaded but registered no backend`;
  } catch (e) {
    const code = (e as { code?: string }).code;
    return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND'
      ? `${NATIVE_PACKAGES[which]} is not installed`
      : `${NATIVE_PACKAGES[which]} failed to load (${(e as Error).message.split('\n')[0]})`;
  }
}

async function tryUse(name: string): Promise<boolean> {
  try {
    return (await tf.setBackend(name)) && tf.getBackend() === name;
  } catch {
    return false;
  }
}

async function use(name: string): Promise<void> {
  if (!(await tryUse(name)))
    throw new SynthkitError('BACKEND_UNAVAILABLE', `Backend "${name}" failed to initialise`);
  await tf.ready();
}

function describe(requested: BackendName): BackendInfo {
  const name = tf.getBackend();
  const description =
    name === 'wasm' ? 'wasm (1 thread)' : name === 'tensorflow' ? 'tensorflow (native)' : name;
  return { name, requested, description };
}
