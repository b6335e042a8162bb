import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handBuiltModel, optimalTables } from '../../test/hand-built-model.js';
import { sampleOnnxModel } from '../byo/onnx-tabular-model.js';
import type { DiffusionSidecar } from '../encoder/sidecar.js';
import { cosineSchedule } from '../schedule/noise-schedule.js';
import { defaultThreads, openSession } from './runtime.js';

const T = 50;
const sidecar: DiffusionSidecar = {
  format: 'synthkit-diffusion-encoder',
  version: 1,
  columns: [
    { name: 'v', kind: 'numerical', transform: { kind: 'identity' } },
    { name: 'c', kind: 'categorical', categories: ['a', 'b'] },
  ],
  schedule: { kind: 'cosine', T },
};
const model = handBuiltModel({
  T,
  ...optimalTables(cosineSchedule(T).alphaBar, [{ mu: 2, sd: 1 }], [[0.5, 0.5]]),
});

describe('onnxruntime selection', () => {
  it('runs on onnxruntime-node by default and on onnxruntime-web on request, with the same numbers', async () => {
    const native = await openSession(model);
    const n = defaultThreads();
    expect(native.description).toBe(
      `onnxruntime-node ${native.description.split(' ')[1]} (cpu, ${n} thread${n > 1 ? 's' : ''})`,
    );
    await native.session.release();
    const one = await openSession(model, 'cpu', 1);
    expect(one.description).toMatch(/^onnxruntime-node .*\(cpu, 1 thread\)$/);
    await one.session.release();
    const a = await sampleOnnxModel(model, sidecar, 64, { seed: 4, steps: 10 });
    const b = await sampleOnnxModel(model, sidecar, 64, { seed: 4, steps: 10, device: 'web' });
    const va = a.column('v');
    const vb = b.column('v');
    if (va.type !== 'number' || vb.type !== 'number') throw new Error('v');
    for (let i = 0; i < 64; i++) expect(vb.values[i]).toBeCloseTo(va.values[i]!, 4);
  });

  it('asks for the CUDA provider only where its library is installed', async () => {
    const bin = join(
      dirname(createRequire(import.meta.url).resolve('onnxruntime-node')),
      '..',
      'bin',
      'napi-v6',
      process.platform,
      process.arch,
    );
    const hasCuda = existsSync(join(bin, 'libonnxruntime_providers_cuda.so'));
    const auto = await openSession(model, 'auto');
    expect(auto.description).toContain(hasCuda ? 'cuda' : 'cpu');
    await auto.session.release();
    if (hasCuda) expect((await openSession(model, 'cuda')).description).toContain('cuda');
    else await expect(openSession(model, 'cuda')).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    await expect(openSession(model, 'tpu' as never)).rejects.toMatchObject({ code: 'BAD_OPTION' });
  });
});
