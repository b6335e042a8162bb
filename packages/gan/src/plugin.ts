import { neuralGenerator } from '@synthkit/neural';
import { CtganModel } from './ctgan-model.js';
import { ctganOptions } from './options.js';

const generator = neuralGenerator({
  name: 'ctgan',
  description:
    'CTGAN: conditional Wasserstein GAN with mode-specific normalisation (Xu et al., 2019), trained on onnxruntime-node or TensorFlow.js',
  options: ctganOptions,
  conditions: 'discrete',
  train: (view, options, ctx, resumeFrom) => CtganModel.train(view, options, ctx, resumeFrom),
  load: (state, options) => CtganModel.load(state, options),
});

/** The CTGAN generator plugin with `overrides` as its option defaults: `ctgan({ epochs: 30 })`. */
export const ctgan = generator.plugin;

/**
 * Continues training a model saved with `resumable: true` up to `options.epochs` epochs in total,
 * on the same table (the same seed re-creates the same encoding).
 */
export const resumeCtgan = generator.resume;
