import {
  configurePlugin,
  type GeneratorPlugin,
  type ModelState,
  parseOptions,
  type RunContext,
  type ViewTable,
} from '@synthkit/core';
import { type TvaeOptions, tvaeOptions } from './options.js';
import { TvaeModel } from './tvae-model.js';

const plugin: GeneratorPlugin<typeof tvaeOptions> = {
  kind: 'generator',
  name: 'tvae',
  version: '0.1.0',
  description:
    'TVAE: variational autoencoder with mode-specific normalisation (Xu et al., 2019), on TensorFlow.js',
  options: tvaeOptions,
  supports: { conditions: 'none' },
  fit: (view, options, ctx) => TvaeModel.train(view, options, ctx),
  load: (state, options) => TvaeModel.load(state, options),
};

/** The TVAE generator plugin with `overrides` as its option defaults: `tvae({ epochs: 30 })`. */
export function tvae(
  overrides: Partial<Record<keyof TvaeOptions, unknown>> = {},
): GeneratorPlugin<typeof tvaeOptions> {
  return configurePlugin(plugin, overrides);
}

/** Continues training a model saved with `resumable: true` up to `options.epochs` epochs in total. */
export function resumeTvae(
  state: ModelState,
  view: ViewTable,
  options: Partial<Record<keyof TvaeOptions, unknown>>,
  ctx: RunContext,
): Promise<TvaeModel> {
  return TvaeModel.train(view, parseOptions(tvaeOptions, options, 'tvae'), ctx, state);
}
