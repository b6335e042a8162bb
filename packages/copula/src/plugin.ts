import { configurePlugin, defineOptions, type GeneratorPlugin } from '@synthkit/core';
import { fitCopula } from './fit.js';
import { CopulaModel } from './model.js';

export const copulaOptions = defineOptions({
  marginals: {
    type: 'enum',
    values: ['auto', 'normal', 'truncnorm', 'beta', 'gamma', 'uniform', 'empirical'],
    default: 'auto',
    description:
      'Marginal of continuous columns: "auto" keeps the parametric family with the smallest KS statistic when a 5% KS test accepts it, else the empirical quantile function',
  },
});

export type CopulaOptions = { marginals?: (typeof copulaOptions.marginals.values)[number] };

const base: GeneratorPlugin<typeof copulaOptions> = {
  kind: 'generator',
  name: 'copula',
  version: '0.1.0',
  description:
    'Gaussian copula: per-column marginals, frequency intervals for categories, latent correlation',
  options: copulaOptions,
  supports: { conditions: 'all' },
  async fit(view, options, ctx) {
    return fitCopula(view, options.marginals, ctx);
  },
  load(state) {
    return CopulaModel.load(state);
  },
};

/** The Gaussian copula generator; options given here become the plugin's defaults. */
export function gaussianCopula(options: CopulaOptions = {}): GeneratorPlugin<typeof copulaOptions> {
  return configurePlugin(base, options);
}
