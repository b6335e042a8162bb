import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cosineSchedule, type DiffusionSidecar } from '@synthkit/diffusion';
import { describe, expect, it } from 'vitest';
import { handBuiltModel, optimalTables } from '../../diffusion/test/hand-built-model.js';
import { synthkit, tempDir } from './run-cli.js';

// A denoiser built by hand from known weights (no trainer involved), as a model trained in another
// framework would arrive: an ONNX file plus the encoder sidecar.
const T = 100;
const sidecar: DiffusionSidecar = {
  format: 'synthkit-diffusion-encoder',
  version: 1,
  columns: [
    {
      name: 'amount',
      kind: 'numerical',
      transform: { kind: 'quantile', quantiles: Array.from({ length: 101 }, (_, i) => i) },
      decimals: 0,
    },
    { name: 'color', kind: 'categorical', categories: ['red', 'green', 'blue'] },
  ],
  schedule: { kind: 'cosine', T },
};

describe('synthkit sample model.onnx --encoder', () => {
  it('samples a bring-your-own ONNX diffusion model into a CSV, reproducibly', () => {
    const dir = tempDir();
    const tables = optimalTables(cosineSchedule(T).alphaBar, [{ mu: 0, sd: 1 }], [[0.6, 0.3, 0.1]]);
    writeFileSync(join(dir, 'model.onnx'), handBuiltModel({ T, ...tables }));
    writeFileSync(join(dir, 'encoder.json'), JSON.stringify(sidecar));
    const run = (out: string) =>
      synthkit([
        'sample',
        join(dir, 'model.onnx'),
        '--encoder',
        join(dir, 'encoder.json'),
        '--rows',
        '3000',
        '--steps',
        '50',
        '--seed',
        '3',
        '--out',
        join(dir, out),
        '-q',
      ]);
    const a = run('a.csv');
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    expect(run('b.csv').code).toBe(0);
    const text = readFileSync(join(dir, 'a.csv'), 'utf8');
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe(text);
    const rows = text.trimEnd().split('\n');
    expect(rows[0]).toBe('amount,color');
    expect(rows).toHaveLength(3001);
    const body = rows.slice(1).map((r) => r.split(','));
    const red = body.filter((r) => r[1] === 'red').length / body.length;
    expect(red).toBeGreaterThan(0.5);
    expect(red).toBeLessThan(0.7);
    for (const [amount] of body) expect(amount).toMatch(/^\d+$/);

    const noEncoder = synthkit(['sample', join(dir, 'model.onnx'), '--out', join(dir, 'c.csv')]);
    expect(noEncoder.code).toBe(1);
    expect(noEncoder.stderr).toMatch(/--encoder/);

    // Sampling options through -O: recorded in the manifest; unknown keys and bad numbers refused.
    const base = ['sample', join(dir, 'model.onnx'), '--encoder', join(dir, 'encoder.json'), '--rows', '50'];
    const float = synthkit([
      ...base,
      '-O',
      'precision=float32',
      '-O',
      'eta=0.5',
      '--out',
      join(dir, 'f.csv'),
    ]);
    expect(float.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'f.manifest.json'), 'utf8'));
    expect(manifest.options).toEqual({ precision: 'float32', eta: 0.5 });
    expect(manifest.runtime).not.toMatch(/int8/);
    const unknown = synthkit([...base, '-O', 'nope=1', '--out', join(dir, 'g.csv')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(
      /\[BAD_OPTION\] ONNX model has no option "nope"\. Known options: device, threads, sessions, precision, eta, batchSize, label/,
    );
    const notNumber = synthkit([...base, '-O', 'sessions=two', '--out', join(dir, 'h.csv')]);
    expect(notNumber.stderr).toMatch(
      /\[BAD_OPTION\] ONNX model option "sessions" must be a finite number, got "two"/,
    );
  });
});
