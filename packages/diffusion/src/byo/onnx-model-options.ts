import { defineOptions } from '@synthkit/core';
import { DEVICES } from '../onnx/runtime.js';
import { PRECISIONS } from './onnx-tabular-model.js';

/** How a denoiser runs on onnxruntime: shared by the ddpm generator and bare ONNX models. */
export const onnxRuntimeOptions = defineOptions({
  device: {
    type: 'enum',
    values: DEVICES,
    default: 'auto',
    description: 'onnxruntime for sampling: auto (node, CUDA if installed), cpu, cuda, web',
  },
  threads: {
    type: 'integer',
    default: 0,
    min: 0,
    max: 64,
    description: 'onnxruntime intra-op threads per sampling session; 0 = the cores split over the sessions',
  },
  sessions: {
    type: 'integer',
    default: 0,
    min: 0,
    max: 64,
    description: 'onnxruntime sessions taking turns on the batches; 0 = one (the fastest on a quiet machine)',
  },
  precision: {
    type: 'enum',
    values: PRECISIONS,
    default: 'int8',
    description: 'sampling arithmetic of the dense layers: int8 (quantised per column) or float32',
  },
});

/** Per-call sampling options of a bare ONNX model (the ddpm generator fixes these at fit time). */
export const onnxSamplingOptions = defineOptions({
  eta: {
    type: 'number',
    default: 1,
    min: 0,
    max: 1,
    description: 'sampling noise of the numerical part: 1 = DDPM, 0 = deterministic DDIM',
  },
  batchSize: { type: 'integer', default: 4096, min: 1, description: 'rows per denoiser call when sampling' },
  label: {
    type: 'string',
    default: '',
    description: 'category of the conditioning column, for class-conditional models; empty = drawn',
  },
});
