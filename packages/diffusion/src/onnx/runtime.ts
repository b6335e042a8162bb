import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { SynthkitError } from '@synthkit/core';
import type * as OrtCommon from 'onnxruntime-node';

/** Where the denoiser runs: 'auto' is onnxruntime-node (CUDA when installed, else CPU), else onnxruntime-web. */
export const DEVICES = ['auto', 'cpu', 'cuda', 'web'] as const;
export type Device = (typeof DEVICES)[number];

/** The slice of the onnxruntime API both packages share. */
export interface OrtModule {
  readonly InferenceSession: typeof OrtCommon.InferenceSession;
  readonly Tensor: typeof OrtCommon.Tensor;
}

export interface OpenedSession {
  readonly session: OrtCommon.InferenceSession;
  readonly ort: OrtModule;
  /** e.g. "onnxruntime-node 1.30.0 (cpu, 1 thread)". */
  readonly description: string;
}

/**
 * Creates an inference session for `bytes`. onnxruntime-node when its native addon loads, with the
 * CUDA provider when asked for or (for 'auto') when its provider library is installed; otherwise,
 * or for 'web', onnxruntime-web's WebAssembly build. `threads` (intra-op) defaults to one per core;
 * 0 means the same.
 */
export async function openSession(
  bytes: Uint8Array,
  device: Device = 'auto',
  threads = 0,
): Promise<OpenedSession> {
  const intra = threads > 0 ? threads : defaultThreads();
  if (!DEVICES.includes(device))
    throw new SynthkitError('BAD_OPTION', `Unknown device "${device}"`, {
      hint: `Use one of ${DEVICES.join(', ')}`,
    });
  if (device !== 'web') {
    const native = await importNative();
    if (native) {
      const installed = cudaProviderInstalled();
      if (device === 'cuda' && !installed)
        throw new SynthkitError(
          'BACKEND_UNAVAILABLE',
          'The CUDA execution provider of onnxruntime-node is not installed',
          {
            hint: 'Install onnxruntime-node with its postinstall enabled on a machine with CUDA 12 (it downloads the CUDA provider), or use -O device=cpu (API: device "cpu")',
          },
        );
      const cuda = device === 'cuda' || (device === 'auto' && installed);
      const options = {
        intraOpNumThreads: intra,
        interOpNumThreads: 1,
        graphOptimizationLevel: 'all' as const,
        // worker threads sleep between parallel sections instead of spinning: on a busy 2-core box
        // spinning threads starve the JS thread and each other (measured 1.4–1.9× slower per step)
        extra: { session: { intra_op: { allow_spinning: '0' } } },
        executionProviders: cuda ? ['cuda', 'cpu'] : ['cpu'],
      };
      const session = await create(native, bytes, options, device === 'cuda');
      const version =
        (native as unknown as { env?: { versions?: Record<string, string> } }).env?.versions?.node ?? '';
      return {
        session,
        ort: native,
        description: `onnxruntime-node ${version} (${cuda ? 'cuda' : 'cpu'}, ${intra} thread${intra > 1 ? 's' : ''})`,
      };
    }
    if (device === 'cpu' || device === 'cuda')
      throw new SynthkitError(
        'BACKEND_UNAVAILABLE',
        `onnxruntime-node could not load its native addon here`,
        {
          hint: 'Reinstall onnxruntime-node for this platform, or use -O device=web (API: device "web"; onnxruntime-web, slower)',
        },
      );
  }
  const web = (await import('onnxruntime-web')) as unknown as OrtModule & {
    env: { wasm: { numThreads?: number } };
  };
  // wasm threads need blob workers, which Node does not have
  web.env.wasm.numThreads = 1;
  const session = await create(web, bytes, { graphOptimizationLevel: 'all' }, false);
  return { session, ort: web, description: 'onnxruntime-web (wasm, 1 thread)' };
}

async function importNative(): Promise<OrtModule | undefined> {
  try {
    return (await import('onnxruntime-node')) as unknown as OrtModule;
  } catch {
    return undefined;
  }
}

async function create(
  ort: OrtModule,
  bytes: Uint8Array,
  options: OrtCommon.InferenceSession.SessionOptions,
  cudaRequired: boolean,
): Promise<OrtCommon.InferenceSession> {
  try {
    return await ort.InferenceSession.create(bytes, options);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    if (cudaRequired && /cuda|shared library/i.test(message))
      throw new SynthkitError(
        'BACKEND_UNAVAILABLE',
        `The CUDA execution provider is not available: ${message}`,
        {
          hint: 'Install the CUDA build of onnxruntime-node (npm install onnxruntime-node with its postinstall enabled, on a machine with CUDA 12), or use -O device=cpu (API: device "cpu")',
          cause,
        },
      );
    throw new SynthkitError('BAD_ARTIFACT', `Not a loadable ONNX model: ${message}`, {
      hint: 'The file is corrupted or is not an ONNX model; export it again (opset 17 or newer works)',
      cause,
    });
  }
}

/** One onnxruntime thread per core the process may use. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/** The CUDA provider ships as a separate shared library next to onnxruntime-node's binding. */
function cudaProviderInstalled(): boolean {
  try {
    const entry = createRequire(import.meta.url).resolve('onnxruntime-node');
    const bin = join(dirname(entry), '..', 'bin', 'napi-v6', process.platform, process.arch);
    return (
      existsSync(join(bin, 'libonnxruntime_providers_cuda.so')) ||
      existsSync(join(bin, 'onnxruntime_providers_cuda.dll'))
    );
  } catch {
    return false;
  }
}
