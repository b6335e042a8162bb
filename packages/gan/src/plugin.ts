import {
  configurePlugin,
  type GeneratorPlugin,
  type ModelState,
  parseOptions,
  type RunContext,
  type ViewTable,
} from '@synthkit/core';
import { CtganModel } from './ctgan-model.js';
import { type CtganOptions, ctganOptions } from './options.js';

const plugin: GeneratorPlugin<typeof ctganOptions> = {
  kind: 'generator',
  name: 'ctgan',
  version: '0.1.0',
  description:
    'CTGAN: conditional Wasserstein GAN with mode-specific normalisation (Xu et al., 2019), on TensorFlow.js',
  options: ctganOptions,
  supports: { conditions: 'discrete' },
  fit: (view, options, ctx) => CtganModel.train(view, options, ctx),
  load: (state, options) => CtganModel.load(state, options),
};

/** The CTGAN generator plugin with `overrides` as its option defaults: `ctgan({ epochs: 30 })`. */
export function ctgan(
  overrides: Partial<Record<keyof CtganOptions, unknown>> = {},
): GeneratorPlugin<typeof ctganOptions> {
  return configurePlugin(plugin, overrides);
}

/**
 * Continues training a model saved with `resumable: true` up to `options.epochs` epochs in total,
 * on the same table (the same seed re-creates the same encoding).
 */
export function resumeCtgan(
  state: ModelState,
  view: ViewTable,
  options: Partial<Record<keyof CtganOptions, unknown>>,
  ctx: RunContext,
): Promise<CtganModel> {
  return CtganModel.train(view, parseOptions(ctganOptions, options, 'ctgan'), ctx, state);
}
