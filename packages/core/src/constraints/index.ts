export type { Constraint, FittedConstraint, Reparam } from './constraint.js';
export { COMBINATION_SEPARATOR, fixedCombinations } from './fixed-combinations.js';
export { constraintFromSpec } from './from-spec.js';
export { inequality } from './inequality.js';
export { type PredicateRow, predicate } from './predicate.js';
export { type RangeOptions, range } from './range.js';
export { negative, positive } from './sign.js';
