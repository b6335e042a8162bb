import { Rng, type SynthkitError } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { handBuiltModel, optimalTables } from '../../test/hand-built-model.js';
import { compareRaw, stepGraphAgainstReference } from '../../test/js-step-runner.js';
import { randomAdultDenoiser } from '../../test/random-denoiser.js';
import { OnnxTabularModel, type Precision } from '../byo/onnx-tabular-model.js';
import { denoiserToOnnx } from '../denoiser/onnx-denoiser.js';
import type { DiffusionSidecar } from '../encoder/sidecar.js';
import { sidecarLayout } from '../encoder/sidecar.js';
import { decodeModel, encodeModel, graphOf } from '../onnx/model-proto.js';
import { OnnxDenoiser } from '../onnx/onnx-denoiser-session.js';
import { quantizeDenseLayers } from '../onnx/quantize-int8.js';
import { cosineSchedule } from '../schedule/noise-schedule.js';
import type { RawBatch } from './denoise-batches.js';

const T = 100;
const P = [0.5, 0.2, 0.2, 0.1];
const handSidecar: DiffusionSidecar = {
  format: 'synthkit-diffusion-encoder',
  version: 1,
  columns: [
    { name: 'a', kind: 'numerical', transform: { kind: 'quantile', quantiles: [0, 1, 2, 3] } },
    { name: 'c', kind: 'categorical', categories: ['p', 'q', 'r', 's'] },
    { name: 'b', kind: 'numerical', transform: { kind: 'standard', mean: 0, std: 1 } },
  ],
  schedule: { kind: 'cosine', T },
};

describe('sampling step graph (denoiser + posterior in one onnxruntime call)', () => {
  it('gives the rows of the JavaScript posterior for the same noise, on two real ONNX models', async () => {
    const adult = await randomAdultDenoiser([64, 64]);
    const hand = handBuiltModel({
      T,
      ...optimalTables(
        cosineSchedule(T).alphaBar,
        [
          { mu: 0.5, sd: 0.8 },
          { mu: -1, sd: 0.3 },
        ],
        [P],
      ),
    });
    // tables with one kind of column only: the graph has no Gaussian or no multinomial part
    const numOnly = { ...handSidecar, columns: handSidecar.columns.filter((c) => c.kind === 'numerical') };
    const catOnly = { ...handSidecar, columns: handSidecar.columns.filter((c) => c.kind === 'categorical') };
    const ab = cosineSchedule(T).alphaBar;
    const cases = [
      { bytes: denoiserToOnnx(adult.weights), layout: adult.layout, sidecar: adult.sidecar, steps: 20 },
      { bytes: hand, layout: sidecarLayout(handSidecar), sidecar: handSidecar, steps: T },
      {
        bytes: handBuiltModel({
          T,
          ...optimalTables(
            ab,
            [
              { mu: 0.5, sd: 0.8 },
              { mu: -1, sd: 0.3 },
            ],
            [],
          ),
        }),
        layout: sidecarLayout(numOnly),
        sidecar: numOnly,
        steps: 30,
      },
      {
        bytes: handBuiltModel({ T, ...optimalTables(ab, [], [P]) }),
        layout: sidecarLayout(catOnly),
        sidecar: catOnly,
        steps: 30,
      },
    ];
    for (const c of cases)
      for (const eta of [1, 0]) {
        const o = { n: 700, steps: c.steps, eta, batchSize: 256, seed: 3 };
        const { sameCodes, maxDiff } = await stepGraphAgainstReference(c.bytes, c.sidecar, o);
        // float32 in the graph, float64 in JavaScript: a draw can only differ where u lands within
        // rounding of a class boundary
        expect(sameCodes, `${c.layout.width} columns, η ${eta}`).toBeGreaterThanOrEqual(0.999);
        expect(maxDiff, `${c.layout.width} columns, η ${eta}`).toBeLessThan(1e-3);
      }
  });

  it('gives the same rows with two concurrent sessions as with one', async () => {
    const adult = await randomAdultDenoiser([32]);
    const bytes = denoiserToOnnx(adult.weights);
    const one = await OnnxTabularModel.load(bytes, adult.sidecar, { threads: 1, sessions: 1 });
    const two = await OnnxTabularModel.load(bytes, adult.sidecar, { threads: 1, sessions: 2 });
    const rows = async (m: OnnxTabularModel) => {
      const out: RawBatch[] = [];
      for await (const b of m.sampleRaw(900, { seed: 5, steps: 8, batchSize: 200 })) out.push(b);
      return out;
    };
    const a = await rows(one);
    const b = await rows(two);
    expect(b.map((x) => x.rows)).toEqual([200, 200, 200, 200, 100]);
    expect(b.map((x) => [...x.codes])).toEqual(a.map((x) => [...x.codes]));
    expect(b.map((x) => [...x.num])).toEqual(a.map((x) => [...x.num]));
    await one.release();
    await two.release();
  });
});

describe('step model checks', () => {
  it('refuses a model of opset < 13, an unknown precision and a bad session count before sampling', async () => {
    const adult = await randomAdultDenoiser([16]);
    const model = decodeModel(denoiserToOnnx(adult.weights));
    model.opsetImport[0]!.version = 12;
    const old = encodeModel(model);
    const err = await OnnxTabularModel.load(old, adult.sidecar).catch((e: SynthkitError) => e);
    expect(err).toMatchObject({
      code: 'BAD_ARTIFACT',
      message: expect.stringMatching(/opset 12.*13 or newer/),
    });
    const bytes = denoiserToOnnx(adult.weights);
    const bad = { precision: 'int4' as Precision };
    await expect(OnnxTabularModel.load(bytes, adult.sidecar, bad)).rejects.toMatchObject({
      code: 'BAD_OPTION',
    });
    await expect(OnnxTabularModel.load(bytes, adult.sidecar, { sessions: 1.5 })).rejects.toMatchObject({
      code: 'BAD_OPTION',
    });
  });
});

describe('int8 sampling arithmetic', () => {
  it('quantises the data-path layers only, and their outputs stay within 2 % of float32', async () => {
    const adult = await randomAdultDenoiser([256, 256]);
    const bytes = denoiserToOnnx(adult.weights);
    const q = quantizeDenseLayers(bytes, 'x_t');
    const ops = graphOf(decodeModel(q)).node.map((n) => `${n.domain ? `${n.domain}:` : ''}${n.opType}`);
    // proj, two hidden layers and the head; the time MLP (run once per t) stays float
    expect(ops.filter((o) => o === 'com.microsoft:DynamicQuantizeMatMul')).toHaveLength(4);
    expect(ops.filter((o) => o === 'Gemm')).toHaveLength(2);
    const f = await OnnxDenoiser.open(bytes, adult.layout, { threads: 1 });
    const i = await OnnxDenoiser.open(q, adult.layout, { threads: 1 });
    const rng = new Rng(4);
    const rows = 500;
    const x = Float32Array.from({ length: rows * adult.layout.width }, () => rng.normal());
    for (const t of [0, 500, 999]) {
      const a = await f.run(x, rows, t);
      const b = await i.run(x, rows, t);
      let err = 0;
      let scale = 0;
      for (let k = 0; k < a.length; k++) {
        err = Math.max(err, Math.abs(a[k]! - b[k]!));
        scale = Math.max(scale, Math.abs(a[k]!));
      }
      expect(err / scale, `t = ${t}`).toBeLessThan(0.02);
      expect(err, `t = ${t}`).toBeGreaterThan(0); // it really ran in int8
    }
    await f.release();
    await i.release();
  });

  it('runs on onnxruntime-web as well (its WebAssembly build has the com.microsoft ops)', async () => {
    const adult = await randomAdultDenoiser([32]);
    const m = await OnnxTabularModel.load(denoiserToOnnx(adult.weights), adult.sidecar, { device: 'web' });
    expect(m.runtime).toMatch(/^onnxruntime-web .*int8$/);
    let rows = 0;
    for await (const b of m.sampleRaw(300, { seed: 1, steps: 3 })) rows += b.rows;
    expect(rows).toBe(300);
    await m.release();
  });

  it('samples a real model with precision int8, seeded, close to float32', async () => {
    const adult = await randomAdultDenoiser([128, 128], 7);
    const bytes = denoiserToOnnx(adult.weights);
    const sample = async (precision: 'float32' | 'int8', seed: number) => {
      const m = await OnnxTabularModel.load(bytes, adult.sidecar, { precision, threads: 1 });
      expect(m.runtime.endsWith('int8')).toBe(precision === 'int8');
      const out: RawBatch[] = [];
      for await (const b of m.sampleRaw(1000, { seed, steps: 10 })) out.push(b);
      await m.release();
      return out;
    };
    const a = await sample('int8', 1);
    expect(compareRaw(a, await sample('int8', 1))).toEqual({ sameCodes: 1, maxDiff: 0 });
    const { sameCodes, maxDiff } = compareRaw(a, await sample('float32', 1));
    expect(sameCodes).toBeGreaterThan(0.9);
    expect(maxDiff).toBeGreaterThan(0);
  });
});
