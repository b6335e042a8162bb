import { defineOptions } from '@synthkit/core';

/**
 * The CART generator's options. Defaults follow synthpop's `syn.cart` (minbucket = 5, cp = 1e-8,
 * rpart's maxdepth = 30), which grows deep trees: that is what makes CART synthesis faithful.
 */
export const cartOptions = defineOptions({
  minLeaf: {
    type: 'integer',
    default: 5,
    min: 1,
    description:
      'Fewest training rows in a leaf (synthpop minbucket); larger leaves = smoother, more private output',
  },
  maxDepth: {
    type: 'integer',
    default: 30,
    min: 1,
    max: 64,
    description: 'Deepest a tree may grow (rpart maxdepth)',
  },
  cp: {
    type: 'number',
    default: 1e-8,
    min: 0,
    max: 1,
    description:
      'Complexity: a split must cut the impurity by at least cp times the root impurity (rpart cp)',
  },
  smoothing: {
    type: 'enum',
    values: ['density', 'none'],
    default: 'density',
    description:
      "Numeric leaves: 'density' draws from a Gaussian kernel density of the leaf's values, 'none' resamples them",
  },
  visitSequence: {
    type: 'string',
    default: '',
    description:
      'Comma-separated view columns to visit first (the rest follow in table order); put columns you will condition on first',
  },
});
