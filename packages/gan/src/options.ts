import { defineOptions, type OptionsOf } from '@synthkit/core';
import { neuralOptions } from '@synthkit/neural';

/** CTGAN's options; defaults are the paper's and the reference implementation's. */
export const ctganOptions = defineOptions({
  ...neuralOptions,
  batchSize: { type: 'integer', default: 500, min: 2, description: 'Rows per step; a multiple of pac' },
  pac: { type: 'integer', default: 10, min: 1, description: 'Rows the critic judges together (PacGAN)' },
  embeddingDim: { type: 'integer', default: 128, min: 1, description: 'Width of the noise vector' },
  generatorDim: {
    type: 'integerList',
    default: [256, 256],
    min: 1,
    description: 'Widths of the generator residual blocks',
  },
  discriminatorDim: {
    type: 'integerList',
    default: [256, 256],
    min: 1,
    description: 'Widths of the critic hidden layers',
  },
  generatorLr: { type: 'number', default: 2e-4, min: 0, description: 'Adam learning rate of the generator' },
  discriminatorLr: { type: 'number', default: 2e-4, min: 0, description: 'Adam learning rate of the critic' },
  generatorDecay: { type: 'number', default: 1e-6, min: 0, description: 'L2 weight decay of the generator' },
  discriminatorDecay: { type: 'number', default: 1e-6, min: 0, description: 'L2 weight decay of the critic' },
  discriminatorSteps: {
    type: 'integer',
    default: 1,
    min: 1,
    description: 'Critic updates per generator update',
  },
  gradientPenalty: { type: 'number', default: 10, min: 0, description: 'WGAN-GP weight λ' },
  tau: { type: 'number', default: 0.2, min: 0.01, description: 'Gumbel-softmax temperature' },
  precision: {
    type: 'enum',
    values: ['int8', 'float32'],
    default: 'int8',
    description:
      "Sampling arithmetic of the generator's dense layers on onnxruntime: int8 (weights quantised per column, faster) or float32",
  },
});

export type CtganOptions = OptionsOf<typeof ctganOptions>;
