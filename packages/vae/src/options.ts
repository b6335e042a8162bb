import { defineOptions, type OptionsOf } from '@synthkit/core';
import { neuralOptions } from '@synthkit/neural';

/** TVAE's options; defaults are the paper's and the reference implementation's. */
export const tvaeOptions = defineOptions({
  ...neuralOptions,
  batchSize: {
    type: 'integer',
    default: 500,
    min: 1,
    description: 'Rows per step (the last step of an epoch takes the rest)',
  },
  embeddingDim: { type: 'integer', default: 128, min: 1, description: 'Width of the latent space' },
  compressDims: {
    type: 'integerList',
    default: [128, 128],
    min: 1,
    description: 'Widths of the encoder hidden layers',
  },
  decompressDims: {
    type: 'integerList',
    default: [128, 128],
    min: 1,
    description: 'Widths of the decoder hidden layers',
  },
  learningRate: { type: 'number', default: 1e-3, min: 0, description: 'Adam learning rate' },
  l2scale: { type: 'number', default: 1e-5, min: 0, description: 'L2 weight decay' },
  lossFactor: {
    type: 'number',
    default: 2,
    min: 0,
    description: 'Weight of the reconstruction loss against the KL term',
  },
  earlyStoppingPatience: {
    type: 'integer',
    default: 0,
    min: 0,
    description:
      'Hold out 10% of rows and stop after this many epochs without a better held-out loss (0: off)',
  },
  categorical: {
    type: 'enum',
    values: ['sample', 'argmax'],
    default: 'sample',
    description:
      "Decode one-hots by sampling the decoder's softmax (its likelihood) or by argmax (the reference TVAE)",
  },
});

export type TvaeOptions = OptionsOf<typeof tvaeOptions>;
