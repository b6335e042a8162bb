import {
  configurePlugin,
  type FittedModel,
  type GeneratorPlugin,
  type ModelState,
  type OptionsOf,
  type OptionsSchema,
  parseOptions,
  type RunContext,
  type ViewTable,
} from '@synthkit/core';

/** What a neural generator package provides; `neuralGenerator` turns it into a plugin factory and a resume function. */
export interface NeuralGeneratorSpec<S extends OptionsSchema, M extends FittedModel> {
  readonly name: string;
  readonly description: string;
  readonly options: S;
  readonly conditions: GeneratorPlugin['supports']['conditions'];
  /** Fits the encoder and trains; with `resumeFrom` (a resumable save) continues up to options.epochs. */
  train(view: ViewTable, options: OptionsOf<S>, ctx: RunContext, resumeFrom?: ModelState): Promise<M>;
  load(state: ModelState, options: OptionsOf<S>): Promise<M>;
}

/**
 * The plugin wiring every neural generator shares: `plugin(overrides)` is the GeneratorPlugin with
 * `overrides` as its option defaults (`tvae({ epochs: 30 })`), and `resume(state, view, options, ctx)`
 * continues training a model saved with `resumable: true` up to `options.epochs` epochs in total
 * (on the same table: the same seed re-creates the same encoding).
 */
export function neuralGenerator<S extends OptionsSchema, M extends FittedModel>(
  spec: NeuralGeneratorSpec<S, M>,
) {
  const base: GeneratorPlugin<S> = {
    kind: 'generator',
    name: spec.name,
    version: '0.1.0',
    description: spec.description,
    options: spec.options,
    supports: { conditions: spec.conditions },
    fit: (view, options, ctx) => spec.train(view, options, ctx),
    load: (state, options) => spec.load(state, options),
  };
  return {
    plugin: (overrides: Partial<Record<keyof S, unknown>> = {}): GeneratorPlugin<S> =>
      configurePlugin(base, overrides),
    resume: (
      state: ModelState,
      view: ViewTable,
      options: Partial<Record<keyof S, unknown>>,
      ctx: RunContext,
    ): Promise<M> => spec.train(view, parseOptions(spec.options, options, spec.name), ctx, state),
  };
}
