import { neuralGenerator } from '@synthkit/neural';
import { tvaeOptions } from './options.js';
import { TvaeModel } from './tvae-model.js';

const generator = neuralGenerator({
  name: 'tvae',
  description:
    'TVAE: variational autoencoder with mode-specific normalisation (Xu et al., 2019), trained on onnxruntime-node or TensorFlow.js',
  options: tvaeOptions,
  conditions: 'none',
  train: (view, options, ctx, resumeFrom) => TvaeModel.train(view, options, ctx, resumeFrom),
  load: (state, options) => TvaeModel.load(state, options),
});

/** The TVAE generator plugin with `overrides` as its option defaults: `tvae({ epochs: 30 })`. */
export const tvae = generator.plugin;

/** Continues training a model saved with `resumable: true` up to `options.epochs` epochs in total. */
export const resumeTvae = generator.resume;
